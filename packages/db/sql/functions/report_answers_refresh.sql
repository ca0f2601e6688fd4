-- Answers of these matches and placements changed: rewrite them on their rows (if completed).
CREATE OR REPLACE FUNCTION report_answers_refresh(match_ids uuid[], placement_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE report_experiences x SET host_again = a.yes, has_feedback = a.yes IS NOT NULL
  FROM (SELECT m.id, (SELECT bool_and(f.host_again) FROM match_feedback f WHERE f.match_id = m.id) AS yes FROM unnest(match_ids) AS m(id)) a
  WHERE x.match_id = a.id AND (x.host_again, x.has_feedback) IS DISTINCT FROM (a.yes, a.yes IS NOT NULL);
  UPDATE report_experiences x SET host_again = ev.host_again, evaluated = coalesce(ev.given, false)
  FROM unnest(placement_ids) AS p(id) LEFT JOIN evaluations ev ON ev.placement_id = p.id
  WHERE x.placement_id = p.id AND (x.host_again, x.evaluated) IS DISTINCT FROM (ev.host_again, coalesce(ev.given, false));
$$;
