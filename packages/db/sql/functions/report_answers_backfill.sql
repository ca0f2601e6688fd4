-- Every row's answers, set-based (migration 0013's backfill; bulk loads that bypass the triggers).
CREATE OR REPLACE FUNCTION report_answers_backfill() RETURNS void LANGUAGE sql AS $$
  UPDATE report_experiences x SET host_again = f.yes, has_feedback = true
  FROM (SELECT match_id, bool_and(host_again) AS yes FROM match_feedback GROUP BY match_id) f WHERE x.match_id = f.match_id;
  UPDATE report_experiences x SET host_again = ev.host_again, evaluated = ev.given FROM evaluations ev WHERE x.placement_id = ev.placement_id;
$$;
