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
