CREATE TYPE "public"."wbl_kind" AS ENUM('guest_speaker', 'career_fair', 'industry_tour', 'job_shadow', 'informational_interview', 'mock_interview', 'mentoring', 'industry_project', 'student_enterprise', 'simulated_work', 'internship', 'pre_apprenticeship', 'apprenticeship', 'paid_work_experience', 'teacher_externship', 'advisory_board');--> statement-breakpoint
CREATE TYPE "public"."wbl_level" AS ENUM('exposure', 'engagement', 'experience', 'educator');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('proposed', 'approved', 'accepted', 'scheduled', 'completed', 'declined', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."modality" AS ENUM('in_person', 'virtual', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."opportunity_status" AS ENUM('draft', 'published', 'paused', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('open', 'matched', 'fulfilled', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "match_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"from_status" "match_status",
	"to_status" "match_status" NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"rating" smallint NOT NULL,
	"host_again" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_range" CHECK ("match_feedback"."rating" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	"status" "match_status" NOT NULL,
	"note" text,
	"duplicate_ask" boolean DEFAULT false NOT NULL,
	"proposed_by" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"scheduled_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"attended_students" integer,
	"close_reason" text,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_seats_positive" CHECK ("matches"."seats" >= 1)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" "wbl_kind" NOT NULL,
	"level" "wbl_level" NOT NULL,
	"sector" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"modality" "modality" NOT NULL,
	"city" text,
	"postal_code" text,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"min_age" smallint,
	"requirements" text[] DEFAULT '{}'::text[] NOT NULL,
	"paid" boolean DEFAULT false NOT NULL,
	"hours_total" numeric,
	"status" "opportunity_status" DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("opportunities"."title", '')), 'A') || setweight(to_tsvector('english', coalesce("opportunities"."sector", '')), 'B') || setweight(to_tsvector('english', coalesce("opportunities"."description", '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seats_within_capacity" CHECK ("opportunities"."seats_taken" >= 0 AND "opportunities"."seats_taken" <= "opportunities"."capacity"),
	CONSTRAINT "capacity_positive" CHECK ("opportunities"."capacity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"pathway_id" uuid,
	"created_by" uuid NOT NULL,
	"kind" "wbl_kind" NOT NULL,
	"level" "wbl_level" NOT NULL,
	"sector" text NOT NULL,
	"students" integer NOT NULL,
	"grade_levels" smallint[] NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"modality" "modality" NOT NULL,
	"notes" text,
	"status" "request_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "window_order" CHECK ("requests"."window_end" >= "requests"."window_start")
);
--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_district_id_organizations_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_school_id_organizations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_events_match_id_at_index" ON "match_events" USING btree ("match_id","at");--> statement-breakpoint
CREATE INDEX "match_events_actor_user_id_index" ON "match_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_feedback_match_id_user_id_index" ON "match_feedback" USING btree ("match_id","user_id");--> statement-breakpoint
CREATE INDEX "match_feedback_employer_id_index" ON "match_feedback" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "match_feedback_user_id_index" ON "match_feedback" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "matches_region_id_status_index" ON "matches" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "matches_request_id_index" ON "matches" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "matches_opportunity_id_index" ON "matches" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "matches_employer_id_approved_at_index" ON "matches" USING btree ("employer_id","approved_at");--> statement-breakpoint
CREATE INDEX "matches_proposed_by_index" ON "matches" USING btree ("proposed_by");--> statement-breakpoint
CREATE INDEX "matches_approved_by_index" ON "matches" USING btree ("approved_by");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_open_pair_idx" ON "matches" USING btree ("request_id","opportunity_id") WHERE "matches"."status" IN ('proposed', 'approved', 'accepted', 'scheduled');--> statement-breakpoint
CREATE INDEX "opportunities_region_id_status_kind_index" ON "opportunities" USING btree ("region_id","status","kind");--> statement-breakpoint
CREATE INDEX "opportunities_employer_id_index" ON "opportunities" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "opportunities_created_by_index" ON "opportunities" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin ("search");--> statement-breakpoint
CREATE INDEX "requests_region_id_status_index" ON "requests" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "requests_district_id_index" ON "requests" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "requests_school_id_index" ON "requests" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "requests_pathway_id_index" ON "requests" USING btree ("pathway_id");--> statement-breakpoint
CREATE INDEX "requests_created_by_index" ON "requests" USING btree ("created_by");