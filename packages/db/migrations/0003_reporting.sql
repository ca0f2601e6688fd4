CREATE TABLE "self_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"indicator" text NOT NULL,
	"stage" smallint NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_range" CHECK ("self_assessments"."stage" BETWEEN 1 AND 4)
);
--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "self_assessments_region_id_school_year_indicator_index" ON "self_assessments" USING btree ("region_id","school_year","indicator");--> statement-breakpoint
CREATE INDEX "self_assessments_updated_by_index" ON "self_assessments" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "matches_region_id_completed_at_index" ON "matches" USING btree ("region_id","completed_at");--> statement-breakpoint
CREATE INDEX "placements_region_id_completed_at_index" ON "placements" USING btree ("region_id","completed_at");