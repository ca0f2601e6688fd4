-- Written by `pnpm db:sql event_report_kind event_report_level event_counted_students event_counted_volunteers event_mark_held report_sync_event report_on_event report_on_event_people report_firsts_changed report_firsts_add_from events event_students event_volunteers --name event_reports_sql` from packages/db/sql (docs/database.md): the files' content as of this
-- migration. To change a function or trigger, edit its file and run `pnpm db:sql <name>`.
-- packages/db/sql/functions/event_counted_students.sql
-- The students who count as having taken part in an event: those checked in; when nobody was
-- checked in at all (a coordinator who did not use check-in), every student added to it.
CREATE OR REPLACE FUNCTION event_counted_students(event uuid) RETURNS SETOF event_students LANGUAGE sql STABLE AS $$
  SELECT s.* FROM event_students s
  WHERE s.event_id = event
    AND (s.checked_in_at IS NOT NULL
      OR NOT EXISTS (SELECT 1 FROM event_students c WHERE c.event_id = event AND c.checked_in_at IS NOT NULL));
$$;
--> statement-breakpoint
-- packages/db/sql/functions/event_counted_volunteers.sql
-- The volunteers who count as having given their time at an event (reports, thank-you emails,
-- the employer's timeline): those checked in and not cancelled; when nobody was checked in at
-- all, every confirmed one.
CREATE OR REPLACE FUNCTION event_counted_volunteers(event uuid) RETURNS SETOF event_volunteers LANGUAGE sql STABLE AS $$
  SELECT v.* FROM event_volunteers v
  WHERE v.event_id = event
    AND CASE WHEN EXISTS (SELECT 1 FROM event_volunteers c WHERE c.event_id = event AND c.checked_in_at IS NOT NULL AND c.status <> 'cancelled')
      THEN v.checked_in_at IS NOT NULL AND v.status <> 'cancelled'
      ELSE v.status = 'confirmed' END;
$$;
--> statement-breakpoint
-- packages/db/sql/functions/event_mark_held.sql
-- Row trigger on events (BEFORE): an event becoming held gets held_at now if whoever held it
-- did not set it, so "was held" (reports, thank-you emails) never depends on the writer.
CREATE OR REPLACE FUNCTION event_mark_held() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'held' AND NEW.held_at IS NULL THEN
    NEW.held_at := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/event_report_kind.sql
-- The opportunity kind a multi-employer event's participation is reported as: EVENT_REPORT_KIND
-- of @bridgework/domain (events/events.ts), which the test of report_sync_event holds this to.
CREATE OR REPLACE FUNCTION event_report_kind(kind event_kind) RETURNS wbl_kind LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind
    WHEN 'mock_interviews' THEN 'mock_interview'
    WHEN 'career_fair' THEN 'career_fair'
    WHEN 'competition_judging' THEN 'industry_project'
    WHEN 'industry_panel' THEN 'guest_speaker'
    WHEN 'advisory_meeting' THEN 'advisory_board'
  END::wbl_kind;
$$;
--> statement-breakpoint
-- packages/db/sql/functions/event_report_level.sql
-- The continuum level of an event's report kind: KIND_LEVEL of @bridgework/domain for
-- event_report_kind (held to it by the test of report_sync_event).
CREATE OR REPLACE FUNCTION event_report_level(kind event_kind) RETURNS wbl_level LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind
    WHEN 'mock_interviews' THEN 'engagement'
    WHEN 'career_fair' THEN 'exposure'
    WHEN 'competition_judging' THEN 'engagement'
    WHEN 'industry_panel' THEN 'exposure'
    WHEN 'advisory_meeting' THEN 'educator'
  END::wbl_level;
$$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_add_from.sql
-- report_employer_firsts holds each employer's first completed experience (region, date).
-- Kept from report_experiences per statement (its writers, report_sync_match/placement, delete
-- and re-insert an experience's row): added rows can only move a first date earlier; removed
-- or changed ones make their employers' first dates be looked up again (one index probe each).
-- An event's student rows have no employer.
CREATE OR REPLACE FUNCTION report_firsts_add_from(added_employer uuid[], added_region uuid[], added_on date[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_employer_firsts (employer_id, region_id, first_completed_on)
  SELECT a.employer_id, a.region_id, min(a.completed_on)
  FROM unnest(added_employer, added_region, added_on) AS a(employer_id, region_id, completed_on)
  WHERE a.employer_id IS NOT NULL
  GROUP BY a.employer_id, a.region_id
  ON CONFLICT (employer_id) DO UPDATE SET first_completed_on = least(report_employer_firsts.first_completed_on, excluded.first_completed_on);
$$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_changed.sql
-- Rows of these regions, students, employers and days changed: refresh the bits of the
-- students' and employers' school years (an event's rows name only one of the two).
CREATE OR REPLACE FUNCTION report_firsts_changed(region_ids uuid[], student_ids uuid[], employer_ids uuid[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  members uuid[];
  years int[];
BEGIN
  -- One writer per region at a time, until commit: two transactions each adding the first row
  -- of a partition would otherwise both mark theirs (neither sees the other's row). Each
  -- statement below then runs on a snapshot taken after the lock (READ COMMITTED).
  PERFORM pg_advisory_xact_lock(20251103, hashtext(r::text)) FROM (SELECT DISTINCT r FROM unnest(region_ids) AS r ORDER BY r) t;
  SELECT array_agg(m), array_agg(y) INTO members, years FROM (
    SELECT DISTINCT m, extract(year FROM d - interval '6 months')::int AS y FROM unnest(student_ids, days) AS c(m, d) WHERE m IS NOT NULL) t;
  IF members IS NOT NULL THEN PERFORM report_firsts_refresh('student_id', members, years); END IF;
  SELECT array_agg(m), array_agg(y) INTO members, years FROM (
    SELECT DISTINCT m, extract(year FROM d - interval '6 months')::int AS y FROM unnest(employer_ids, days) AS c(m, d) WHERE m IS NOT NULL) t;
  IF members IS NOT NULL THEN PERFORM report_firsts_refresh('employer_id', members, years); END IF;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_event.sql
-- Row trigger on events (held, or held before the change): rewrites the event's rows.
CREATE OR REPLACE FUNCTION report_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_event(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_event_people.sql
-- Statement trigger on event_students and event_volunteers: a check-in, a sign-up or a removal
-- at an event that was held rewrites its rows (nothing to do for events not held yet).
CREATE OR REPLACE FUNCTION report_on_event_people() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT event_id) INTO ids FROM added;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT event_id) INTO ids FROM removed;
  ELSE
    SELECT array_agg(DISTINCT event_id) INTO ids FROM (SELECT event_id FROM added UNION SELECT event_id FROM removed) t;
  END IF;
  PERFORM report_sync_event(e.id) FROM (SELECT id FROM events WHERE id = ANY(ids) AND held_at IS NOT NULL ORDER BY id) e;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_sync_event.sql
-- One multi-employer event's rows of report_experiences, written whole like report_sync_match:
-- deleted, then inserted again if the event was held (held_at set, and held or archived since).
-- Each counted student (event_counted_students) gets a row of the event's report kind and level
-- at their school, district and pathway (sector: the pathway's, else 'Unknown'), dated the event's
-- UTC day, with no employer; each employer of a counted volunteer (event_counted_volunteers,
-- known organizations only) gets a row in the running district (null: the region ran it) with
-- no school and no student. So an event adds one experience per student and one per employer.
CREATE OR REPLACE FUNCTION report_sync_event(event uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_experiences WHERE event_id = event;
  INSERT INTO report_experiences (region_id, event_id, completed_on, district_id, school_id, pathway_id, sector, level, kind, employer_id, student_id, attended, seats, hours)
  SELECT e.region_id, e.id, (e.starts_at AT TIME ZONE 'UTC')::date, st.district_id, c.school_id, c.pathway_id, coalesce(p.sector, 'Unknown'),
         event_report_level(e.kind), event_report_kind(e.kind), NULL, c.student_id, 0, 1, 0
  FROM events e
  CROSS JOIN LATERAL event_counted_students(e.id) c
  JOIN students st ON st.id = c.student_id
  LEFT JOIN pathways p ON p.id = c.pathway_id
  WHERE e.id = event AND e.held_at IS NOT NULL AND e.status IN ('held', 'archived')
  UNION ALL
  SELECT e.region_id, e.id, (e.starts_at AT TIME ZONE 'UTC')::date, e.district_id, NULL, NULL, coalesce(o.sectors[1], 'Unknown'),
         event_report_level(e.kind), event_report_kind(e.kind), o.id, NULL, 0, 0, 0
  FROM events e
  JOIN organizations o ON o.id IN (SELECT v.organization_id FROM event_counted_volunteers(e.id) v)
  WHERE e.id = event AND e.held_at IS NOT NULL AND e.status IN ('held', 'archived');
$$;
--> statement-breakpoint
-- packages/db/sql/triggers/event_students.sql
-- Triggers on event_students (PostgreSQL fires a table's triggers in name order). Statement triggers
-- over the transition tables: a whole class is added or checked in with one statement.

-- report_experiences: the rows of the held events these changes touch.
CREATE OR REPLACE TRIGGER report_event_students_delete AFTER DELETE ON event_students REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_students_insert AFTER INSERT ON event_students REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_students_update AFTER UPDATE ON event_students REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();
--> statement-breakpoint
-- packages/db/sql/triggers/event_volunteers.sql
-- Triggers on event_volunteers (PostgreSQL fires a table's triggers in name order). Statement triggers
-- over the transition tables: a whole class is added or checked in with one statement.

-- report_experiences: the rows of the held events these changes touch.
CREATE OR REPLACE TRIGGER report_event_volunteers_delete AFTER DELETE ON event_volunteers REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_volunteers_insert AFTER INSERT ON event_volunteers REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();

CREATE OR REPLACE TRIGGER report_event_volunteers_update AFTER UPDATE ON event_volunteers REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_on_event_people();
--> statement-breakpoint
-- packages/db/sql/triggers/events.sql
-- Triggers on events (PostgreSQL fires a table's triggers in name order, BEFORE ones first).

-- held_at, set when an event becomes held.
CREATE OR REPLACE TRIGGER event_held_at BEFORE INSERT OR UPDATE OF status ON events
  FOR EACH ROW WHEN (NEW.status = 'held') EXECUTE FUNCTION event_mark_held();

-- report_experiences: a held event's rows, written whole (an archived event keeps them).
CREATE OR REPLACE TRIGGER report_event_insert AFTER INSERT ON events
  FOR EACH ROW WHEN (NEW.held_at IS NOT NULL) EXECUTE FUNCTION report_on_event();

CREATE OR REPLACE TRIGGER report_event_update AFTER UPDATE OF status, held_at, kind, starts_at, district_id, region_id ON events
  FOR EACH ROW WHEN (NEW.held_at IS NOT NULL OR OLD.held_at IS NOT NULL) EXECUTE FUNCTION report_on_event();
