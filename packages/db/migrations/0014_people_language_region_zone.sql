ALTER TABLE "regions" ADD COLUMN "time_zone" text DEFAULT 'America/Los_Angeles' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" "language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "one_time_links" ADD COLUMN "signer_role" "signer_role";--> statement-breakpoint
ALTER TABLE "placements" ADD COLUMN "supervisor_language" "language" DEFAULT 'en' NOT NULL;