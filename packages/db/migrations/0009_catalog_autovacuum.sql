-- Suggestions read the candidate opportunities from the covering index of 0005 alone only while
-- the visibility map says their pages are all-visible; every seat taken or edit clears a page's
-- bit. The default (vacuum after 20% of the table changed) leaves a large region's catalog read
-- through the heap most of the time: measured at 100k opportunities, the candidate step takes
-- ~5 ms as an index-only scan and 13–67 ms as a bitmap heap scan. Vacuum after ~1% instead.
ALTER TABLE "opportunities" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);--> statement-breakpoint
-- The duplicate-ask and ask-count probes of suggestions read matches' indexes the same way.
ALTER TABLE "matches" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
