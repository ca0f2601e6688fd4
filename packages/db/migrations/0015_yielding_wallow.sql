CREATE TABLE "insurance_certificate_files" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insurance_certificate_files" ADD CONSTRAINT "insurance_certificate_files_certificate_id_insurance_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."insurance_certificates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurance_certificate_files" ADD CONSTRAINT "insurance_certificate_files_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insurance_certificate_files_region_id_index" ON "insurance_certificate_files" USING btree ("region_id");