CREATE TYPE "public"."background_task_status" AS ENUM('running', 'done', 'failed');--> statement-breakpoint
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
ALTER TABLE "background_tasks" ADD CONSTRAINT "background_tasks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_tasks" ADD CONSTRAINT "background_tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "background_tasks_kind_finished_at_index" ON "background_tasks" USING btree ("kind","finished_at");--> statement-breakpoint
CREATE INDEX "background_tasks_user_id_index" ON "background_tasks" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "background_tasks_region_id_index" ON "background_tasks" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "background_tasks_one_running" ON "background_tasks" USING btree ("kind","subject_id") WHERE "background_tasks"."status" = 'running' AND "background_tasks"."subject_id" IS NOT NULL;