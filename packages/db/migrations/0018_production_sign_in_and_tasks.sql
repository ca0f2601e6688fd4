CREATE TYPE "public"."background_task_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "identity_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"organization_id" uuid,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_encrypted" text,
	"allowed_domains" text[] NOT NULL,
	"create_accounts" boolean DEFAULT false NOT NULL,
	"account_organization_id" uuid,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_provider_accounts_need_organization" CHECK (NOT "identity_providers"."create_accounts" OR "identity_providers"."account_organization_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "sign_in_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"state_hash" text NOT NULL,
	"browser_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sign_in_requests_stateHash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE TABLE "background_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"region_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"subject_id" uuid,
	"status" "background_task_status" DEFAULT 'running' NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"detail" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_account_organization_id_organizations_id_fk" FOREIGN KEY ("account_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_requests" ADD CONSTRAINT "sign_in_requests_provider_id_identity_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."identity_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_tasks" ADD CONSTRAINT "background_tasks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_tasks" ADD CONSTRAINT "background_tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_providers_region_id_index" ON "identity_providers" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "identity_providers_organization_id_index" ON "identity_providers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "identity_providers_account_organization_id_index" ON "identity_providers" USING btree ("account_organization_id");--> statement-breakpoint
CREATE INDEX "sign_in_requests_ip_created_at_index" ON "sign_in_requests" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_requests_created_at_index" ON "sign_in_requests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sign_in_requests_provider_id_index" ON "sign_in_requests" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "background_tasks_kind_finished_at_index" ON "background_tasks" USING btree ("kind","finished_at");--> statement-breakpoint
CREATE INDEX "background_tasks_user_id_index" ON "background_tasks" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "background_tasks_region_id_index" ON "background_tasks" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "background_tasks_one_running" ON "background_tasks" USING btree ("kind","subject_id") WHERE "background_tasks"."status" = 'running' AND "background_tasks"."subject_id" IS NOT NULL;