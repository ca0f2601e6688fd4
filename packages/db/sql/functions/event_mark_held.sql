-- Row trigger on events (BEFORE): an event becoming held gets held_at now if whoever held it
-- did not set it, so "was held" (reports, thank-you emails) never depends on the writer.
CREATE OR REPLACE FUNCTION event_mark_held() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'held' AND NEW.held_at IS NULL THEN
    NEW.held_at := now();
  END IF;
  RETURN NEW;
END $$;
