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
