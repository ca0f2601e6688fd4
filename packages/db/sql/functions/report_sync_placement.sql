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
