CREATE TYPE "public"."district_export_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."district_export_step" AS ENUM('queued', 'students', 'placements', 'documents', 'hours', 'evaluations', 'audit', 'packing', 'done');--> statement-breakpoint
CREATE TABLE "login_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"ip" text NOT NULL,
	"last_succeeded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "district_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"status" "district_export_status" DEFAULT 'queued' NOT NULL,
	"step" "district_export_step" DEFAULT 'queued' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"error" text,
	"file_name" text,
	"size" integer,
	"sha256" text,
	"counts" jsonb,
	"content" "bytea",
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_experiences" DROP CONSTRAINT "report_experience_source";--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "student_retention_years" integer;--> statement-breakpoint
ALTER TABLE "login_addresses" ADD CONSTRAINT "login_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exports" ADD CONSTRAINT "district_exports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exports" ADD CONSTRAINT "district_exports_district_id_organizations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exports" ADD CONSTRAINT "district_exports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "login_addresses_user_id_ip_index" ON "login_addresses" USING btree ("user_id","ip");--> statement-breakpoint
CREATE INDEX "district_exports_district_id_created_at_index" ON "district_exports" USING btree ("district_id","created_at");--> statement-breakpoint
CREATE INDEX "district_exports_region_id_index" ON "district_exports" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "district_exports_requested_by_index" ON "district_exports" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "district_exports_expires_at_index" ON "district_exports" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "student_retention_range" CHECK ("regions"."student_retention_years" IS NULL OR "regions"."student_retention_years" BETWEEN 1 AND 50);--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experience_source" CHECK ("report_experiences"."match_id" IS NULL OR "report_experiences"."placement_id" IS NULL);--> statement-breakpoint
-- Search terms typed into the student list are no longer kept (issue 13): remove those already written.
UPDATE "audit_log" SET "details" = "details" #- '{filter,q}' WHERE "details"->'filter' ? 'q';
