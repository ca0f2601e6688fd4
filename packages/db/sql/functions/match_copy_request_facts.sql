-- Row trigger on matches (BEFORE): the request's kind and window, copied onto the match so the
-- duplicate-ask check of suggestions reads them from an index. Copied from the request on insert
-- (and if a match were ever moved to another request).
CREATE OR REPLACE FUNCTION match_copy_request_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.kind, r.window_start, r.window_end INTO NEW.request_kind, NEW.request_window_start, NEW.request_window_end
  FROM requests r WHERE r.id = NEW.request_id;
  RETURN NEW;
END $$;
