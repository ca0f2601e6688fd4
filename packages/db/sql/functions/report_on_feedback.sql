-- The old match's answers are read again after the change (an edit, or a move to another match).
CREATE OR REPLACE FUNCTION report_on_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM report_answers_refresh(ARRAY[OLD.match_id], NULL); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.match_id IS DISTINCT FROM OLD.match_id) THEN PERFORM report_answers_refresh(ARRAY[NEW.match_id], NULL); END IF;
  RETURN NULL;
END $$;
