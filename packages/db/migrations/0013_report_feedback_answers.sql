ALTER TABLE "report_experiences" ADD COLUMN "host_again" boolean;--> statement-breakpoint
ALTER TABLE "report_experiences" ADD COLUMN "has_feedback" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_experiences" ADD COLUMN "evaluated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The read model also carries each experience's answers (host again, feedback given, evaluation
-- given), so the host-again rate and the feedback/evaluation completion rates of a region's year
-- are counts over its rows instead of joins to all of match_feedback and evaluations.
-- A row is written whole: report_sync_* now read the answers too.
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
-- Answers of these matches and placements changed: rewrite them on their rows (if completed).
CREATE FUNCTION report_answers_refresh(match_ids uuid[], placement_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE report_experiences x SET host_again = a.yes, has_feedback = a.yes IS NOT NULL
  FROM (SELECT m.id, (SELECT bool_and(f.host_again) FROM match_feedback f WHERE f.match_id = m.id) AS yes FROM unnest(match_ids) AS m(id)) a
  WHERE x.match_id = a.id AND (x.host_again, x.has_feedback) IS DISTINCT FROM (a.yes, a.yes IS NOT NULL);
  UPDATE report_experiences x SET host_again = ev.host_again, evaluated = coalesce(ev.given, false)
  FROM unnest(placement_ids) AS p(id) LEFT JOIN evaluations ev ON ev.placement_id = p.id
  WHERE x.placement_id = p.id AND (x.host_again, x.evaluated) IS DISTINCT FROM (ev.host_again, coalesce(ev.given, false));
$$;
--> statement-breakpoint
-- Every row's answers, set-based (this migration's backfill; bulk loads that bypass the triggers).
CREATE FUNCTION report_answers_backfill() RETURNS void LANGUAGE sql AS $$
  UPDATE report_experiences x SET host_again = f.yes, has_feedback = true
  FROM (SELECT match_id, bool_and(host_again) AS yes FROM match_feedback GROUP BY match_id) f WHERE x.match_id = f.match_id;
  UPDATE report_experiences x SET host_again = ev.host_again, evaluated = ev.given FROM evaluations ev WHERE x.placement_id = ev.placement_id;
$$;
--> statement-breakpoint
-- The old match's answers are read again after the change (an edit, or a move to another match).
CREATE FUNCTION report_on_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM report_answers_refresh(ARRAY[OLD.match_id], NULL); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.match_id IS DISTINCT FROM OLD.match_id) THEN PERFORM report_answers_refresh(ARRAY[NEW.match_id], NULL); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_on_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM report_answers_refresh(NULL, ARRAY[OLD.placement_id]); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.placement_id IS DISTINCT FROM OLD.placement_id) THEN PERFORM report_answers_refresh(NULL, ARRAY[NEW.placement_id]); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_feedback_change AFTER INSERT OR UPDATE OR DELETE ON match_feedback FOR EACH ROW EXECUTE FUNCTION report_on_feedback();--> statement-breakpoint
CREATE TRIGGER report_evaluation_change AFTER INSERT OR UPDATE OR DELETE ON evaluations FOR EACH ROW EXECUTE FUNCTION report_on_evaluation();--> statement-breakpoint
SELECT report_answers_backfill();
