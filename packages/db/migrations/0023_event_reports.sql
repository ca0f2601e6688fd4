ALTER TABLE "report_experiences" DROP CONSTRAINT "report_experience_source";--> statement-breakpoint
ALTER TABLE "report_experiences" ALTER COLUMN "opportunity_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_experiences" ALTER COLUMN "district_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_experiences" ALTER COLUMN "school_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_experiences" ALTER COLUMN "employer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_experiences" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experiences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_experiences_event_id_index" ON "report_experiences" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experience_dimensions" CHECK ("report_experiences"."employer_id" IS NOT NULL OR "report_experiences"."student_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experience_source" CHECK (num_nonnulls("report_experiences"."match_id", "report_experiences"."placement_id", "report_experiences"."event_id") <= 1);