ALTER TABLE "matches" ADD COLUMN "request_kind" "wbl_kind";--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "request_window_start" date;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "request_window_end" date;--> statement-breakpoint
-- Copied from the request on insert (and if a match were ever moved to another request).
CREATE OR REPLACE FUNCTION match_copy_request_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.kind, r.window_start, r.window_end INTO NEW.request_kind, NEW.request_window_start, NEW.request_window_end
  FROM requests r WHERE r.id = NEW.request_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER match_request_facts BEFORE INSERT OR UPDATE OF request_id ON matches
  FOR EACH ROW EXECUTE FUNCTION match_copy_request_facts();--> statement-breakpoint
UPDATE matches m SET request_kind = r.kind, request_window_start = r.window_start, request_window_end = r.window_end
FROM requests r WHERE r.id = m.request_id;--> statement-breakpoint
-- The duplicate-ask check: an employer's live asks of one kind, with their windows, from the index alone
-- instead of joining each live ask to its request (~120 request probes per candidate employer at 10×).
CREATE INDEX IF NOT EXISTS "matches_open_employer_kind_idx" ON "matches" ("employer_id", "request_kind")
  INCLUDE ("request_id", "request_window_start", "request_window_end")
  WHERE "status" IN ('proposed', 'approved', 'accepted', 'scheduled');--> statement-breakpoint
DROP INDEX IF EXISTS "matches_open_employer_idx";
