ALTER TABLE "organizations" ADD COLUMN "region_ask_cap_per_month" integer;--> statement-breakpoint
-- Hand-written: the caps set so far were the intermediary's; they become the ceiling of an employer's own cap.
UPDATE "organizations" SET "region_ask_cap_per_month" = "ask_cap_per_month" WHERE "type" = 'employer';
