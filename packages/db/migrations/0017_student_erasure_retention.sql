ALTER TABLE "report_experiences" DROP CONSTRAINT "report_experience_source";--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "student_retention_years" integer;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "student_retention_range" CHECK ("regions"."student_retention_years" IS NULL OR "regions"."student_retention_years" BETWEEN 1 AND 50);--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experience_source" CHECK ("report_experiences"."match_id" IS NULL OR "report_experiences"."placement_id" IS NULL);