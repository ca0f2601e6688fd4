CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."interest_status" AS ENUM('unconfirmed', 'waiting', 'approved', 'merged', 'declined');--> statement-breakpoint
CREATE TYPE "public"."way_to_help" AS ENUM('class_talk', 'tour', 'mock_interviews_or_judging', 'advisory_board', 'job_shadows', 'internships', 'teacher_externship');--> statement-breakpoint
CREATE TABLE "employer_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "interest_status" DEFAULT 'unconfirmed' NOT NULL,
	"company_name" text NOT NULL,
	"website" text,
	"company_size" text,
	"street" text,
	"city" text,
	"postal_code" text,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"contact_role" text,
	"language" "language" DEFAULT 'en' NOT NULL,
	"ways" "way_to_help"[] NOT NULL,
	"months" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"modality" "modality",
	"note" text DEFAULT '' NOT NULL,
	"ip" text NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"organization_id" uuid,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_interests_confirmTokenHash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "decision_recorded" CHECK ("employer_interests"."status" IN ('unconfirmed', 'waiting') OR "employer_interests"."decided_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "grow_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" "wbl_kind" NOT NULL,
	"rule" text NOT NULL,
	"sent_to" uuid,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "company_size" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "blackout_months" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "preferred_contact_id" uuid;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "standing_offer_of" uuid;--> statement-breakpoint
ALTER TABLE "employer_interests" ADD CONSTRAINT "employer_interests_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_interests" ADD CONSTRAINT "employer_interests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_interests" ADD CONSTRAINT "employer_interests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grow_invitations" ADD CONSTRAINT "grow_invitations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grow_invitations" ADD CONSTRAINT "grow_invitations_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grow_invitations" ADD CONSTRAINT "grow_invitations_sent_to_users_id_fk" FOREIGN KEY ("sent_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grow_invitations" ADD CONSTRAINT "grow_invitations_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_interests_region_id_status_index" ON "employer_interests" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "employer_interests_ip_created_at_index" ON "employer_interests" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "employer_interests_contact_email_index" ON "employer_interests" USING btree ("contact_email");--> statement-breakpoint
CREATE INDEX "employer_interests_organization_id_index" ON "employer_interests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "employer_interests_name_trgm_idx" ON "employer_interests" USING gin (lower("company_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "grow_invitations_employer_id_sent_at_index" ON "grow_invitations" USING btree ("employer_id","sent_at");--> statement-breakpoint
CREATE INDEX "grow_invitations_region_id_index" ON "grow_invitations" USING btree ("region_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_preferred_contact_id_users_id_fk" FOREIGN KEY ("preferred_contact_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin (lower("name") gin_trgm_ops);