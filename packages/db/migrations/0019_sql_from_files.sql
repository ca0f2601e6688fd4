-- Written by `pnpm db:sql --all` from packages/db/sql (docs/database.md): the files' content as of this
-- migration. To change a function or trigger, edit its file and run `pnpm db:sql <name>`.
-- packages/db/sql/functions/bw_notify_any_region_change.sql
-- The region cache's NOTIFY for tables whose rows name no region (match feedback): '*', so every
-- region's cached answers are dropped. See bw_notify_region_change.sql.
CREATE OR REPLACE FUNCTION bw_notify_any_region_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bw_region_changed', '*');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/bw_notify_region_change.sql
-- Tell every API process when what a region's catalog search and suggestions read has changed,
-- so the results they cache per region are dropped (apps/api/src/lib/region-cache.ts). NOTIFY
-- is delivered at commit and only then; identical notifications in one transaction fold into
-- one, so bulk writes send one per region. '*' means "some region": match feedback names no region.
CREATE OR REPLACE FUNCTION bw_notify_region_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('bw_region_changed', OLD.region_id::text);
  ELSE
    PERFORM pg_notify('bw_region_changed', NEW.region_id::text);
    IF TG_OP = 'UPDATE' AND NEW.region_id IS DISTINCT FROM OLD.region_id THEN
      PERFORM pg_notify('bw_region_changed', OLD.region_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/match_copy_request_facts.sql
-- Row trigger on matches (BEFORE): the request's kind and window, copied onto the match so the
-- duplicate-ask check of suggestions reads them from an index. Copied from the request on insert
-- (and if a match were ever moved to another request).
CREATE OR REPLACE FUNCTION match_copy_request_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.kind, r.window_start, r.window_end INTO NEW.request_kind, NEW.request_window_start, NEW.request_window_end
  FROM requests r WHERE r.id = NEW.request_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_answers_backfill.sql
-- Every row's answers, set-based (migration 0013's backfill; bulk loads that bypass the triggers).
CREATE OR REPLACE FUNCTION report_answers_backfill() RETURNS void LANGUAGE sql AS $$
  UPDATE report_experiences x SET host_again = f.yes, has_feedback = true
  FROM (SELECT match_id, bool_and(host_again) AS yes FROM match_feedback GROUP BY match_id) f WHERE x.match_id = f.match_id;
  UPDATE report_experiences x SET host_again = ev.host_again, evaluated = ev.given FROM evaluations ev WHERE x.placement_id = ev.placement_id;
$$;
--> statement-breakpoint
-- packages/db/sql/functions/report_answers_refresh.sql
-- Answers of these matches and placements changed: rewrite them on their rows (if completed).
CREATE OR REPLACE FUNCTION report_answers_refresh(match_ids uuid[], placement_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE report_experiences x SET host_again = a.yes, has_feedback = a.yes IS NOT NULL
  FROM (SELECT m.id, (SELECT bool_and(f.host_again) FROM match_feedback f WHERE f.match_id = m.id) AS yes FROM unnest(match_ids) AS m(id)) a
  WHERE x.match_id = a.id AND (x.host_again, x.has_feedback) IS DISTINCT FROM (a.yes, a.yes IS NOT NULL);
  UPDATE report_experiences x SET host_again = ev.host_again, evaluated = coalesce(ev.given, false)
  FROM unnest(placement_ids) AS p(id) LEFT JOIN evaluations ev ON ev.placement_id = p.id
  WHERE x.placement_id = p.id AND (x.host_again, x.evaluated) IS DISTINCT FROM (ev.host_again, coalesce(ev.given, false));
$$;
--> statement-breakpoint
-- packages/db/sql/functions/report_distinct_on_delete.sql
-- Statement trigger on report_experiences: deleted rows' students and employers get the first-row
-- bits of their school years refreshed (report_firsts_changed).
CREATE OR REPLACE FUNCTION report_distinct_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(region_id), array_agg(student_id), array_agg(employer_id), array_agg(completed_on)) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_distinct_on_insert.sql
-- Statement trigger on report_experiences: inserted rows' students and employers get the first-row
-- bits of their school years refreshed (report_firsts_changed).
CREATE OR REPLACE FUNCTION report_distinct_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(region_id), array_agg(student_id), array_agg(employer_id), array_agg(completed_on)) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_distinct_on_update.sql
-- Updates mostly set hours or these bits themselves: only rows whose partitions moved count
-- (transition tables cannot be combined with UPDATE OF a column list).
CREATE OR REPLACE FUNCTION report_distinct_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_changed(array_agg(c.region_id), array_agg(c.student_id), array_agg(c.employer_id), array_agg(c.completed_on))
  FROM removed r JOIN added a ON a.id = r.id,
    LATERAL (VALUES (r.region_id, r.student_id, r.employer_id, r.completed_on), (a.region_id, a.student_id, a.employer_id, a.completed_on)) AS c(region_id, student_id, employer_id, completed_on)
  WHERE (r.region_id, r.completed_on, r.student_id, r.employer_id, r.sector, r.level, r.kind, r.district_id, r.school_id, r.pathway_id)
    IS DISTINCT FROM (a.region_id, a.completed_on, a.student_id, a.employer_id, a.sector, a.level, a.kind, a.district_id, a.school_id, a.pathway_id)
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_add_from.sql
-- report_employer_firsts holds each employer's first completed experience (region, date).
-- Kept from report_experiences per statement (its writers, report_sync_match/placement, delete
-- and re-insert an experience's row): added rows can only move a first date earlier; removed
-- or changed ones make their employers' first dates be looked up again (one index probe each).
CREATE OR REPLACE FUNCTION report_firsts_add_from(added_employer uuid[], added_region uuid[], added_on date[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_employer_firsts (employer_id, region_id, first_completed_on)
  SELECT a.employer_id, a.region_id, min(a.completed_on)
  FROM unnest(added_employer, added_region, added_on) AS a(employer_id, region_id, completed_on)
  GROUP BY a.employer_id, a.region_id
  ON CONFLICT (employer_id) DO UPDATE SET first_completed_on = least(report_employer_firsts.first_completed_on, excluded.first_completed_on);
$$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_changed.sql
-- Rows of these regions, students, employers and days changed: refresh the bits of the
-- students' and employers' school years.
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
    SELECT DISTINCT m, extract(year FROM d - interval '6 months')::int AS y FROM unnest(employer_ids, days) AS c(m, d)) t;
  IF members IS NOT NULL THEN PERFORM report_firsts_refresh('employer_id', members, years); END IF;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_on_delete.sql
-- Statement trigger on report_experiences: deleted rows' employers get their first dates looked up again.
CREATE OR REPLACE FUNCTION report_firsts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_recheck(array_agg(DISTINCT employer_id)) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_on_insert.sql
-- Statement trigger on report_experiences: inserted rows can only move their employers' first dates earlier.
CREATE OR REPLACE FUNCTION report_firsts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_add_from(array_agg(employer_id), array_agg(region_id), array_agg(completed_on)) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_on_update.sql
-- Updates mostly change hours, sector or school: only rows whose employer or date moved count.
CREATE OR REPLACE FUNCTION report_firsts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_recheck(array_agg(DISTINCT r.employer_id))
  FROM removed r JOIN added a ON a.id = r.id
  WHERE (r.employer_id, r.region_id, r.completed_on) IS DISTINCT FROM (a.employer_id, a.region_id, a.completed_on) HAVING count(*) > 0;
  PERFORM report_firsts_add_from(array_agg(a.employer_id), array_agg(a.region_id), array_agg(a.completed_on))
  FROM added a JOIN removed r ON r.id = a.id
  WHERE (r.employer_id, r.region_id, r.completed_on) IS DISTINCT FROM (a.employer_id, a.region_id, a.completed_on) HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_recheck.sql
-- These employers' first completed dates, looked up again in report_experiences (an employer with
-- no experience left loses its row).
CREATE OR REPLACE FUNCTION report_firsts_recheck(employers uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_employer_firsts f
  WHERE f.employer_id = ANY(employers) AND NOT EXISTS (SELECT 1 FROM report_experiences x WHERE x.employer_id = f.employer_id);
  UPDATE report_employer_firsts f
  SET first_completed_on = (SELECT min(x.completed_on) FROM report_experiences x WHERE x.employer_id = f.employer_id)
  WHERE f.employer_id = ANY(employers);
$$;
--> statement-breakpoint
-- packages/db/sql/functions/report_firsts_refresh.sql
-- Distinct students and employers for the groupings of DISTINCT_GROUPINGS
-- (packages/domain/src/reporting/distinct-groupings.ts; bit i = grouping i, same order) without sorting or
-- hashing ~200,000 ids per region-year: bit i of student_firsts/employer_firsts marks the one
-- row (lowest id) of a student/employer in each partition of grouping i, where a partition is
-- a school year (July–June) — or a month for groupings with month — and one value of each of
-- the grouping's dimensions. A distinct count over whole partitions is then a filtered count.
-- `member` is student_id or employer_id; null keys recompute every row (backfill).
CREATE OR REPLACE FUNCTION report_firsts_refresh(member text, keys uuid[], years int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  flags text := CASE member WHEN 'student_id' THEN 'student_firsts' WHEN 'employer_id' THEN 'employer_firsts' END;
  scope text := CASE WHEN keys IS NULL THEN format('x.%I IS NOT NULL', member)
    ELSE format('x.%1$I = k.m AND x.completed_on >= make_date(k.y, 7, 1) AND x.completed_on < make_date(k.y + 1, 7, 1)', member) END;
BEGIN
  EXECUTE format($f$
    WITH scoped AS (
      SELECT x.id, x.%1$I AS m, extract(year FROM x.completed_on - interval '6 months')::int AS y, date_trunc('month', x.completed_on) AS mo,
             x.sector, x.level, x.kind, x.district_id, x.school_id, x.pathway_id, x.%2$I AS old
      FROM report_experiences x %3$s WHERE %4$s
    ), bits AS (
      SELECT id, old,
          ((row_number() OVER (PARTITION BY m, y ORDER BY id) = 1)::int)
        | ((row_number() OVER (PARTITION BY m, y, sector ORDER BY id) = 1)::int << 1)
        | ((row_number() OVER (PARTITION BY m, y, level ORDER BY id) = 1)::int << 2)
        | ((row_number() OVER (PARTITION BY m, y, kind ORDER BY id) = 1)::int << 3)
        | ((row_number() OVER (PARTITION BY m, mo ORDER BY id) = 1)::int << 4)
        | ((row_number() OVER (PARTITION BY m, y, district_id ORDER BY id) = 1)::int << 5)
        | ((row_number() OVER (PARTITION BY m, y, school_id ORDER BY id) = 1)::int << 6)
        | ((row_number() OVER (PARTITION BY m, y, pathway_id ORDER BY id) = 1)::int << 7)
        | ((row_number() OVER (PARTITION BY m, y, sector, level ORDER BY id) = 1)::int << 8)
        | ((row_number() OVER (PARTITION BY m, y, district_id, kind ORDER BY id) = 1)::int << 9)
        | ((row_number() OVER (PARTITION BY m, y, district_id, level ORDER BY id) = 1)::int << 10) AS new
      FROM scoped)
    UPDATE report_experiences x SET %2$I = b.new FROM bits b WHERE x.id = b.id AND b.old <> b.new$f$,
    member, flags, CASE WHEN keys IS NULL THEN '' ELSE 'JOIN unnest($1::uuid[], $2::int[]) AS k(m, y) ON true' END, scope)
  USING keys, years;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_evaluation.sql
-- Row trigger on evaluations: rewrites the answers on the row of the evaluation's placement (the
-- old placement's too, if the evaluation moved).
CREATE OR REPLACE FUNCTION report_on_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM report_answers_refresh(NULL, ARRAY[OLD.placement_id]); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.placement_id IS DISTINCT FROM OLD.placement_id) THEN PERFORM report_answers_refresh(NULL, ARRAY[NEW.placement_id]); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_feedback.sql
-- The old match's answers are read again after the change (an edit, or a move to another match).
CREATE OR REPLACE FUNCTION report_on_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM report_answers_refresh(ARRAY[OLD.match_id], NULL); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.match_id IS DISTINCT FROM OLD.match_id) THEN PERFORM report_answers_refresh(ARRAY[NEW.match_id], NULL); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_hours.sql
-- Row trigger on hours_entries (approved entries): sums the placement's approved hours again onto
-- its row (the old placement's too, if the entry moved).
CREATE OR REPLACE FUNCTION report_on_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE report_experiences SET hours = coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = OLD.placement_id AND h.status = 'approved'), 0) WHERE placement_id = OLD.placement_id;
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.placement_id IS DISTINCT FROM OLD.placement_id) THEN
    UPDATE report_experiences SET hours = coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = NEW.placement_id AND h.status = 'approved'), 0) WHERE placement_id = NEW.placement_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_match.sql
-- Row trigger on matches (completed, or completed before the change): rewrites the match's row.
CREATE OR REPLACE FUNCTION report_on_match() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_match(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_opportunity.sql
-- Row trigger on opportunities: copies a changed kind, level or sector onto the opportunity's rows.
CREATE OR REPLACE FUNCTION report_on_opportunity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_experiences SET sector = NEW.sector, level = NEW.level, kind = NEW.kind WHERE opportunity_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_placement.sql
-- Row trigger on placements (completed, or completed before the change): rewrites the placement's row.
CREATE OR REPLACE FUNCTION report_on_placement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_placement(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_on_request.sql
-- Row trigger on requests: copies a changed district, school or pathway onto the rows of its matches.
CREATE OR REPLACE FUNCTION report_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_experiences SET district_id = NEW.district_id, school_id = NEW.school_id, pathway_id = NEW.pathway_id WHERE request_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- packages/db/sql/functions/report_sync_match.sql
-- report_experiences is a derived read model (schema/reporting.ts): report_sync_match and
-- report_sync_placement are its only writers of whole rows. One match's row, written whole:
-- deleted, then inserted again if the match is completed, with its feedback answers (host again,
-- feedback given), so the host-again and completion rates of a region's year are counts over
-- its rows instead of joins to all of match_feedback and evaluations.
CREATE OR REPLACE FUNCTION report_sync_match(match uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_experiences WHERE match_id = match;
  INSERT INTO report_experiences (region_id, match_id, request_id, opportunity_id, completed_on, district_id, school_id, pathway_id, sector, level, kind, employer_id, student_id, attended, seats, hours, host_again, has_feedback)
  SELECT m.region_id, m.id, r.id, o.id, (m.completed_at AT TIME ZONE 'UTC')::date, r.district_id, r.school_id, r.pathway_id, o.sector, o.level, o.kind, m.employer_id, NULL, coalesce(m.attended_students, 0), m.seats, 0,
         fb.yes, fb.yes IS NOT NULL
  FROM matches m JOIN requests r ON r.id = m.request_id JOIN opportunities o ON o.id = m.opportunity_id
  LEFT JOIN LATERAL (SELECT bool_and(f.host_again) AS yes FROM match_feedback f WHERE f.match_id = m.id) fb ON true
  WHERE m.id = match AND m.status = 'completed' AND m.completed_at IS NOT NULL;
$$;
--> statement-breakpoint
-- packages/db/sql/functions/report_sync_placement.sql
-- One placement's row of report_experiences, written whole: deleted, then inserted again if the
-- placement is completed, with its approved hours and its evaluation's answers.
CREATE OR REPLACE FUNCTION report_sync_placement(placement uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_experiences WHERE placement_id = placement;
  INSERT INTO report_experiences (region_id, placement_id, request_id, opportunity_id, completed_on, district_id, school_id, pathway_id, sector, level, kind, employer_id, student_id, attended, seats, hours, host_again, evaluated)
  SELECT p.region_id, p.id, NULL, o.id, (p.completed_at AT TIME ZONE 'UTC')::date, p.district_id, p.school_id, NULL, o.sector, o.level, o.kind, p.employer_id, p.student_id, 0, 1,
         coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'approved'), 0),
         ev.host_again, coalesce(ev.given, false)
  FROM placements p JOIN opportunities o ON o.id = p.opportunity_id LEFT JOIN evaluations ev ON ev.placement_id = p.id
  WHERE p.id = placement AND p.status = 'completed' AND p.completed_at IS NOT NULL;
$$;
--> statement-breakpoint
-- packages/db/sql/triggers/evaluations.sql
-- Triggers on evaluations (PostgreSQL fires a table's triggers in name order).

-- report_experiences carries each placement's evaluation answers (host_again, evaluated).
CREATE OR REPLACE TRIGGER report_evaluation_change AFTER INSERT OR UPDATE OR DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION report_on_evaluation();
--> statement-breakpoint
-- packages/db/sql/triggers/hours_entries.sql
-- Triggers on hours_entries (PostgreSQL fires a table's triggers in name order).

-- report_experiences carries each completed placement's sum of approved hours.
CREATE OR REPLACE TRIGGER report_hours_delete AFTER DELETE ON hours_entries
  FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION report_on_hours();

CREATE OR REPLACE TRIGGER report_hours_insert AFTER INSERT ON hours_entries
  FOR EACH ROW WHEN (NEW.status = 'approved') EXECUTE FUNCTION report_on_hours();

CREATE OR REPLACE TRIGGER report_hours_update AFTER UPDATE OF status, hours, placement_id ON hours_entries
  FOR EACH ROW WHEN (OLD.status = 'approved' OR NEW.status = 'approved') EXECUTE FUNCTION report_on_hours();
--> statement-breakpoint
-- packages/db/sql/triggers/match_feedback.sql
-- Triggers on match_feedback (PostgreSQL fires a table's triggers in name order).

-- The region cache: feedback names no region, so once per statement every region's answers go.
CREATE OR REPLACE TRIGGER match_feedback_region_changed AFTER INSERT OR UPDATE OR DELETE ON match_feedback
  FOR EACH STATEMENT EXECUTE FUNCTION bw_notify_any_region_change();

-- report_experiences carries each completed match's feedback answers (host_again, has_feedback).
CREATE OR REPLACE TRIGGER report_feedback_change AFTER INSERT OR UPDATE OR DELETE ON match_feedback
  FOR EACH ROW EXECUTE FUNCTION report_on_feedback();
--> statement-breakpoint
-- packages/db/sql/triggers/matches.sql
-- Triggers on matches (PostgreSQL fires a table's triggers in name order, BEFORE ones first).

-- The request's kind and window, copied onto the match (the duplicate-ask check of suggestions).
CREATE OR REPLACE TRIGGER match_request_facts BEFORE INSERT OR UPDATE OF request_id ON matches
  FOR EACH ROW EXECUTE FUNCTION match_copy_request_facts();

-- The region cache: NOTIFY bw_region_changed with the match's region, at commit.
CREATE OR REPLACE TRIGGER matches_region_changed AFTER INSERT OR UPDATE OR DELETE ON matches
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();

-- report_experiences: a completed match's row, written whole.
CREATE OR REPLACE TRIGGER report_match_insert AFTER INSERT ON matches
  FOR EACH ROW WHEN (NEW.status = 'completed') EXECUTE FUNCTION report_on_match();

CREATE OR REPLACE TRIGGER report_match_update AFTER UPDATE OF status, completed_at, attended_students, seats, request_id, opportunity_id, employer_id ON matches
  FOR EACH ROW WHEN (NEW.status = 'completed' OR OLD.status = 'completed') EXECUTE FUNCTION report_on_match();
--> statement-breakpoint
-- packages/db/sql/triggers/opportunities.sql
-- Triggers on opportunities (PostgreSQL fires a table's triggers in name order).

-- The region cache: NOTIFY bw_region_changed with the opportunity's region, at commit.
CREATE OR REPLACE TRIGGER opportunities_region_changed AFTER INSERT OR UPDATE OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();

-- report_experiences copies the opportunity's kind, level and sector.
CREATE OR REPLACE TRIGGER report_opportunity_update AFTER UPDATE OF kind, level, sector ON opportunities
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.level IS DISTINCT FROM NEW.level OR OLD.sector IS DISTINCT FROM NEW.sector) EXECUTE FUNCTION report_on_opportunity();
--> statement-breakpoint
-- packages/db/sql/triggers/organizations.sql
-- Triggers on organizations (PostgreSQL fires a table's triggers in name order).

-- The region cache: NOTIFY bw_region_changed with the organization's region, at commit.
CREATE OR REPLACE TRIGGER organizations_region_changed AFTER INSERT OR UPDATE OR DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();
--> statement-breakpoint
-- packages/db/sql/triggers/placements.sql
-- Triggers on placements (PostgreSQL fires a table's triggers in name order).

-- report_experiences: a completed placement's row, written whole.
CREATE OR REPLACE TRIGGER report_placement_insert AFTER INSERT ON placements
  FOR EACH ROW WHEN (NEW.status = 'completed') EXECUTE FUNCTION report_on_placement();

CREATE OR REPLACE TRIGGER report_placement_update AFTER UPDATE OF status, completed_at, district_id, school_id, student_id, opportunity_id, employer_id ON placements
  FOR EACH ROW WHEN (NEW.status = 'completed' OR OLD.status = 'completed') EXECUTE FUNCTION report_on_placement();
--> statement-breakpoint
-- packages/db/sql/triggers/report_experiences.sql
-- Triggers on report_experiences (PostgreSQL fires a table's triggers in name order). All are
-- statement triggers over the transition tables: report_sync_match/placement delete and
-- re-insert a row, and bulk writes touch thousands of rows in one statement.

-- The first-row bits (student_firsts, employer_firsts) that make distinct counts filtered counts.
CREATE OR REPLACE TRIGGER report_distinct_delete AFTER DELETE ON report_experiences REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_delete();

CREATE OR REPLACE TRIGGER report_distinct_insert AFTER INSERT ON report_experiences REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_insert();

CREATE OR REPLACE TRIGGER report_distinct_update AFTER UPDATE ON report_experiences REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_distinct_on_update();

-- report_employer_firsts: each employer's first completed experience.
CREATE OR REPLACE TRIGGER report_firsts_delete AFTER DELETE ON report_experiences REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_delete();

CREATE OR REPLACE TRIGGER report_firsts_insert AFTER INSERT ON report_experiences REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_insert();

CREATE OR REPLACE TRIGGER report_firsts_update AFTER UPDATE ON report_experiences REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_update();
--> statement-breakpoint
-- packages/db/sql/triggers/requests.sql
-- Triggers on requests (PostgreSQL fires a table's triggers in name order).

-- report_experiences copies the request's district, school and pathway onto its matches' rows.
CREATE OR REPLACE TRIGGER report_request_update AFTER UPDATE OF district_id, school_id, pathway_id ON requests
  FOR EACH ROW WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.pathway_id IS DISTINCT FROM NEW.pathway_id) EXECUTE FUNCTION report_on_request();

-- The region cache: NOTIFY bw_region_changed with the request's region, at commit.
CREATE OR REPLACE TRIGGER requests_region_changed AFTER INSERT OR UPDATE OR DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();
