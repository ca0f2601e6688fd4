-- Row trigger on evaluations: rewrites the answers on the row of the evaluation's placement (the
-- old placement's too, if the evaluation moved).
CREATE OR REPLACE FUNCTION report_on_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM report_answers_refresh(NULL, ARRAY[OLD.placement_id]); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.placement_id IS DISTINCT FROM OLD.placement_id) THEN PERFORM report_answers_refresh(NULL, ARRAY[NEW.placement_id]); END IF;
  RETURN NULL;
END $$;
