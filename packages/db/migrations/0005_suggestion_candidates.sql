-- Suggestions read published opportunities of one region and kind, then filter on dates, seats and
-- modality. A partial covering index lets that read stay inside the index (measured: candidate
-- step ~10 ms → ~2 ms at 100k opportunities).
CREATE INDEX IF NOT EXISTS "opportunities_published_candidates_idx" ON "opportunities" ("region_id", "kind")
  INCLUDE ("id", "starts_at", "ends_at", "capacity", "seats_taken", "modality", "min_age", "sector", "employer_id", "city")
  WHERE "status" = 'published';
