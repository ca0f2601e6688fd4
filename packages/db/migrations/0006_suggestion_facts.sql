-- Employer facts behind suggestions: whether another request has a live ask with the employer
-- (duplicate ask), and "would host again" answers per employer (measured: ~1.0 s → ~0.4 s per
-- suggestion call at 100k opportunities before candidates were capped).
CREATE INDEX IF NOT EXISTS "matches_open_employer_idx" ON "matches" ("employer_id") INCLUDE ("request_id")
  WHERE "status" IN ('proposed', 'approved', 'accepted', 'scheduled');--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "match_feedback_employer_match_idx" ON "match_feedback" ("employer_id", "match_id") INCLUDE ("host_again");
