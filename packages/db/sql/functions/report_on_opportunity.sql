-- Row trigger on opportunities: copies a changed kind, level or sector onto the opportunity's rows.
CREATE OR REPLACE FUNCTION report_on_opportunity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_experiences SET sector = NEW.sector, level = NEW.level, kind = NEW.kind WHERE opportunity_id = NEW.id;
  RETURN NULL;
END $$;
