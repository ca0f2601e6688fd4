-- Row trigger on hours_entries (approved entries): sums the placement's approved hours again onto
-- its row (the old placement's too, if the entry moved).
CREATE OR REPLACE FUNCTION report_on_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE report_experiences SET hours = coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = OLD.placement_id AND h.status = 'approved'), 0) WHERE placement_id = OLD.placement_id;
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.placement_id IS DISTINCT FROM OLD.placement_id) THEN
    UPDATE report_experiences SET hours = coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = NEW.placement_id AND h.status = 'approved'), 0) WHERE placement_id = NEW.placement_id;
  END IF;
  RETURN NULL;
END $$;
