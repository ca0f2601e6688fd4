-- Row trigger on events (held, or held before the change): rewrites the event's rows.
CREATE OR REPLACE FUNCTION report_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_event(NEW.id);
  RETURN NULL;
END $$;
