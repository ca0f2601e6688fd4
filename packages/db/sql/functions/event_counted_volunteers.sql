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
