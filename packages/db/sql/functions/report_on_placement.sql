-- Row trigger on placements (completed, or completed before the change): rewrites the placement's row.
CREATE OR REPLACE FUNCTION report_on_placement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_placement(NEW.id);
  RETURN NULL;
END $$;
