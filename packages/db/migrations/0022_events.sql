CREATE TYPE "public"."event_kind" AS ENUM('mock_interviews', 'career_fair', 'competition_judging', 'industry_panel', 'advisory_meeting');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('draft', 'open', 'closed', 'held', 'archived');--> statement-breakpoint
CREATE TYPE "public"."volunteer_status" AS ENUM('confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TABLE "event_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"event_student_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"bring" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"needed" integer NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scheduled" boolean DEFAULT false NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_role_times" CHECK ("event_roles"."ends_at" > "event_roles"."starts_at"),
	CONSTRAINT "event_role_needed" CHECK ("event_roles"."needed" BETWEEN 1 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "event_schools" (
	"event_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"arrives_at" timestamp with time zone,
	"leaves_at" timestamp with time zone,
	CONSTRAINT "event_schools_event_id_school_id_pk" PRIMARY KEY("event_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "event_scores" (
	"interview_id" uuid PRIMARY KEY NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_students" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"pathway_id" uuid,
	"badge_code" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"status" "volunteer_status" DEFAULT 'confirmed' NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"employer_name" text NOT NULL,
	"organization_id" uuid,
	"user_id" uuid,
	"interest_id" uuid,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"language" "language" DEFAULT 'en' NOT NULL,
	"station" text,
	"badge_code" text NOT NULL,
	"schedule_token_hash" text,
	"cancel_token_hash" text,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_volunteers_scheduleTokenHash_unique" UNIQUE("schedule_token_hash"),
	CONSTRAINT "event_volunteers_cancelTokenHash_unique" UNIQUE("cancel_token_hash")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"district_id" uuid,
	"created_by" uuid NOT NULL,
	"kind" "event_kind" NOT NULL,
	"status" "event_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"virtual_url" text,
	"pathway_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"interviews_per_student" smallint DEFAULT 3 NOT NULL,
	"slot_minutes" smallint DEFAULT 20 NOT NULL,
	"rubric" jsonb,
	"schedule_built_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_times" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "event_interviews_per_student" CHECK ("events"."interviews_per_student" BETWEEN 1 AND 10),
	CONSTRAINT "event_slot_minutes" CHECK ("events"."slot_minutes" BETWEEN 5 AND 240)
);
--> statement-breakpoint
ALTER TABLE "event_interviews" ADD CONSTRAINT "event_interviews_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_interviews" ADD CONSTRAINT "event_interviews_event_student_id_event_students_id_fk" FOREIGN KEY ("event_student_id") REFERENCES "public"."event_students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_interviews" ADD CONSTRAINT "event_interviews_volunteer_id_event_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."event_volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_interviews" ADD CONSTRAINT "event_interviews_role_id_event_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."event_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_roles" ADD CONSTRAINT "event_roles_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_schools" ADD CONSTRAINT "event_schools_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_schools" ADD CONSTRAINT "event_schools_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_scores" ADD CONSTRAINT "event_scores_interview_id_event_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."event_interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_students" ADD CONSTRAINT "event_students_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_students" ADD CONSTRAINT "event_students_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_students" ADD CONSTRAINT "event_students_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_students" ADD CONSTRAINT "event_students_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_students" ADD CONSTRAINT "event_students_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_volunteers" ADD CONSTRAINT "event_volunteers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_volunteers" ADD CONSTRAINT "event_volunteers_role_id_event_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."event_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_volunteers" ADD CONSTRAINT "event_volunteers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_volunteers" ADD CONSTRAINT "event_volunteers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_volunteers" ADD CONSTRAINT "event_volunteers_interest_id_employer_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."employer_interests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_volunteers" ADD CONSTRAINT "event_volunteers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_district_id_organizations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_interviews_event_id_starts_at_index" ON "event_interviews" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_interviews_volunteer_id_starts_at_index" ON "event_interviews" USING btree ("volunteer_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "event_interviews_event_student_id_starts_at_index" ON "event_interviews" USING btree ("event_student_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_roles_event_id_index" ON "event_roles" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_schools_school_id_index" ON "event_schools" USING btree ("school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_students_event_id_student_id_index" ON "event_students" USING btree ("event_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_students_event_id_badge_code_index" ON "event_students" USING btree ("event_id","badge_code");--> statement-breakpoint
CREATE INDEX "event_students_student_id_index" ON "event_students" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "event_students_school_id_index" ON "event_students" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "event_volunteers_role_id_status_created_at_index" ON "event_volunteers" USING btree ("role_id","status","created_at");--> statement-breakpoint
CREATE INDEX "event_volunteers_event_id_status_index" ON "event_volunteers" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "event_volunteers_organization_id_index" ON "event_volunteers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "event_volunteers_email_index" ON "event_volunteers" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "event_volunteers_event_id_badge_code_index" ON "event_volunteers" USING btree ("event_id","badge_code");--> statement-breakpoint
CREATE UNIQUE INDEX "event_volunteers_one_live_signup" ON "event_volunteers" USING btree ("role_id","email") WHERE "event_volunteers"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "events_region_id_starts_at_index" ON "events" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_district_id_starts_at_index" ON "events" USING btree ("district_id","starts_at");