CREATE TYPE "public"."document_kind" AS ENUM('guardian_consent', 'liability_waiver', 'worksite_agreement', 'emergency_contact');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('pending', 'signed', 'void');--> statement-breakpoint
CREATE TYPE "public"."hours_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('en', 'es');--> statement-breakpoint
CREATE TYPE "public"."link_purpose" AS ENUM('sign', 'hours', 'evaluation');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('pending_paperwork', 'ready', 'active', 'completed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."signer_role" AS ENUM('guardian', 'student', 'supervisor');--> statement-breakpoint
CREATE TABLE "document_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"version" integer NOT NULL,
	"title_en" text NOT NULL,
	"title_es" text NOT NULL,
	"body_en" text NOT NULL,
	"body_es" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"signer_role" "signer_role" NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"language" "language" NOT NULL,
	"status" "document_status" DEFAULT 'pending' NOT NULL,
	"due_on" date NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"rendered_text" text,
	"text_sha256" text,
	"typed_name" text,
	"signed_at" timestamp with time zone,
	"signed_ip" text,
	"signed_user_agent" text,
	"pdf" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"given" boolean NOT NULL,
	"rating" smallint,
	"comments" text,
	"host_again" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_placementId_unique" UNIQUE("placement_id"),
	CONSTRAINT "evaluation_rating" CHECK ("evaluations"."rating" IS NULL OR "evaluations"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "hours_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"date" date NOT NULL,
	"hours" numeric NOT NULL,
	"note" text,
	"status" "hours_status" DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hours_range" CHECK ("hours_entries"."hours" > 0 AND "hours_entries"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "insurance_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"policy_number" text NOT NULL,
	"coverage_amount" numeric NOT NULL,
	"expires_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_time_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" "link_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"document_id" uuid,
	"placement_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_time_links_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"supervisor_name" text NOT NULL,
	"supervisor_email" text NOT NULL,
	"status" "placement_status" DEFAULT 'pending_paperwork' NOT NULL,
	"insurance_override" jsonb,
	"activated_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"last_hours_reminder_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_dates" CHECK ("placements"."end_date" >= "placements"."start_date")
);
--> statement-breakpoint
CREATE TABLE "students" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"local_id" text NOT NULL,
	"ssid" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"grade" smallint NOT NULL,
	"guardian_name" text,
	"guardian_email" text,
	"guardian_phone" text,
	"guardian_language" "language" DEFAULT 'en' NOT NULL,
	"gender" text,
	"race_ethnicity" text,
	"english_learner" boolean,
	"disability" boolean,
	"low_income" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_range" CHECK ("students"."grade" BETWEEN 6 AND 12)
);
--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_template_id_document_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."document_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_entries" ADD CONSTRAINT "hours_entries_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_entries" ADD CONSTRAINT "hours_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_certificates" ADD CONSTRAINT "insurance_certificates_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_certificates" ADD CONSTRAINT "insurance_certificates_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_certificates" ADD CONSTRAINT "insurance_certificates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_links" ADD CONSTRAINT "one_time_links_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_district_id_organizations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_district_id_organizations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_templates_region_id_kind_version_index" ON "document_templates" USING btree ("region_id","kind","version");--> statement-breakpoint
CREATE INDEX "document_templates_created_by_index" ON "document_templates" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "documents_placement_id_index" ON "documents" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "documents_template_id_index" ON "documents" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "documents_status_due_on_index" ON "documents" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "documents_region_id_index" ON "documents" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "hours_entries_placement_id_status_index" ON "hours_entries" USING btree ("placement_id","status");--> statement-breakpoint
CREATE INDEX "hours_entries_created_by_index" ON "hours_entries" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "insurance_certificates_employer_id_expires_on_index" ON "insurance_certificates" USING btree ("employer_id","expires_on");--> statement-breakpoint
CREATE INDEX "insurance_certificates_region_id_index" ON "insurance_certificates" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "insurance_certificates_recorded_by_index" ON "insurance_certificates" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "one_time_links_document_id_index" ON "one_time_links" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "one_time_links_placement_id_index" ON "one_time_links" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "placements_region_id_status_index" ON "placements" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "placements_district_id_index" ON "placements" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "placements_school_id_index" ON "placements" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "placements_student_id_index" ON "placements" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "placements_opportunity_id_index" ON "placements" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "placements_employer_id_index" ON "placements" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "placements_created_by_index" ON "placements" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "students_district_id_local_id_index" ON "students" USING btree ("district_id","local_id");--> statement-breakpoint
CREATE INDEX "students_region_id_index" ON "students" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "students_school_id_grade_index" ON "students" USING btree ("school_id","grade");