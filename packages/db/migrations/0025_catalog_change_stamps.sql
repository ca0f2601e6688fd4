DROP INDEX "opportunities_search_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "changed_xact" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "changed_xact" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "organizations_region_id_changed_xact_index" ON "organizations" USING btree ("region_id","changed_xact");--> statement-breakpoint
CREATE INDEX "opportunities_region_id_changed_xact_index" ON "opportunities" USING btree ("region_id","changed_xact");