-- Row trigger on requests: copies a changed district, school or pathway onto the rows of its matches.
CREATE OR REPLACE FUNCTION report_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_experiences SET district_id = NEW.district_id, school_id = NEW.school_id, pathway_id = NEW.pathway_id WHERE request_id = NEW.id;
  RETURN NULL;
END $$;
