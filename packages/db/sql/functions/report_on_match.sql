-- Row trigger on matches (completed, or completed before the change): rewrites the match's row.
CREATE OR REPLACE FUNCTION report_on_match() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_match(NEW.id);
  RETURN NULL;
END $$;
