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
