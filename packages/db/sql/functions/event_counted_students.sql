-- The students who count as having taken part in an event: those checked in; when nobody was
-- checked in at all (a coordinator who did not use check-in), every student added to it.
CREATE OR REPLACE FUNCTION event_counted_students(event uuid) RETURNS SETOF event_students LANGUAGE sql STABLE AS $$
  SELECT s.* FROM event_students s
  WHERE s.event_id = event
    AND (s.checked_in_at IS NOT NULL
      OR NOT EXISTS (SELECT 1 FROM event_students c WHERE c.event_id = event AND c.checked_in_at IS NOT NULL));
$$;
