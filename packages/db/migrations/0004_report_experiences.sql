CREATE TABLE "report_experiences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"match_id" uuid,
	"placement_id" uuid,
	"request_id" uuid,
	"opportunity_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"district_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"pathway_id" uuid,
	"sector" text NOT NULL,
	"level" "wbl_level" NOT NULL,
	"kind" "wbl_kind" NOT NULL,
	"employer_id" uuid NOT NULL,
	"student_id" uuid,
	"attended" integer NOT NULL,
	"seats" integer NOT NULL,
	"hours" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "report_experience_source" CHECK (("report_experiences"."match_id" IS NULL) <> ("report_experiences"."placement_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experiences_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experiences_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_experiences" ADD CONSTRAINT "report_experiences_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_experiences_match_id_index" ON "report_experiences" USING btree ("match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_experiences_placement_id_index" ON "report_experiences" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "report_experiences_region_id_completed_on_index" ON "report_experiences" USING btree ("region_id","completed_on");--> statement-breakpoint
CREATE INDEX "report_experiences_district_id_completed_on_index" ON "report_experiences" USING btree ("district_id","completed_on");--> statement-breakpoint
CREATE INDEX "report_experiences_school_id_completed_on_index" ON "report_experiences" USING btree ("school_id","completed_on");--> statement-breakpoint
CREATE INDEX "report_experiences_employer_id_completed_on_index" ON "report_experiences" USING btree ("employer_id","completed_on");--> statement-breakpoint
CREATE INDEX "report_experiences_employer_id_level_index" ON "report_experiences" USING btree ("employer_id","level");--> statement-breakpoint
CREATE INDEX "report_experiences_opportunity_id_index" ON "report_experiences" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "report_experiences_request_id_index" ON "report_experiences" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "matches_region_id_approved_at_index" ON "matches" USING btree ("region_id","approved_at");--> statement-breakpoint
-- report_experiences is a derived read model (schema/reporting.ts): these functions are its only writers.
CREATE FUNCTION report_sync_match(match uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_experiences WHERE match_id = match;
  INSERT INTO report_experiences (region_id, match_id, request_id, opportunity_id, completed_on, district_id, school_id, pathway_id, sector, level, kind, employer_id, student_id, attended, seats, hours)
  SELECT m.region_id, m.id, r.id, o.id, (m.completed_at AT TIME ZONE 'UTC')::date, r.district_id, r.school_id, r.pathway_id, o.sector, o.level, o.kind, m.employer_id, NULL, coalesce(m.attended_students, 0), m.seats, 0
  FROM matches m JOIN requests r ON r.id = m.request_id JOIN opportunities o ON o.id = m.opportunity_id
  WHERE m.id = match AND m.status = 'completed' AND m.completed_at IS NOT NULL;
$$;
--> statement-breakpoint
CREATE FUNCTION report_sync_placement(placement uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_experiences WHERE placement_id = placement;
  INSERT INTO report_experiences (region_id, placement_id, request_id, opportunity_id, completed_on, district_id, school_id, pathway_id, sector, level, kind, employer_id, student_id, attended, seats, hours)
  SELECT p.region_id, p.id, NULL, o.id, (p.completed_at AT TIME ZONE 'UTC')::date, p.district_id, p.school_id, NULL, o.sector, o.level, o.kind, p.employer_id, p.student_id, 0, 1,
         coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = p.id AND h.status = 'approved'), 0)
  FROM placements p JOIN opportunities o ON o.id = p.opportunity_id
  WHERE p.id = placement AND p.status = 'completed' AND p.completed_at IS NOT NULL;
$$;
--> statement-breakpoint
CREATE FUNCTION report_on_match() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_match(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_on_placement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_sync_placement(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_on_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE report_experiences SET hours = coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = OLD.placement_id AND h.status = 'approved'), 0) WHERE placement_id = OLD.placement_id;
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.placement_id IS DISTINCT FROM OLD.placement_id) THEN
    UPDATE report_experiences SET hours = coalesce((SELECT sum(h.hours) FROM hours_entries h WHERE h.placement_id = NEW.placement_id AND h.status = 'approved'), 0) WHERE placement_id = NEW.placement_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_on_opportunity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_experiences SET sector = NEW.sector, level = NEW.level, kind = NEW.kind WHERE opportunity_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_on_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_experiences SET district_id = NEW.district_id, school_id = NEW.school_id, pathway_id = NEW.pathway_id WHERE request_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_match_insert AFTER INSERT ON matches FOR EACH ROW WHEN (NEW.status = 'completed') EXECUTE FUNCTION report_on_match();
--> statement-breakpoint
CREATE TRIGGER report_match_update AFTER UPDATE OF status, completed_at, attended_students, seats, request_id, opportunity_id, employer_id ON matches
  FOR EACH ROW WHEN (NEW.status = 'completed' OR OLD.status = 'completed') EXECUTE FUNCTION report_on_match();
--> statement-breakpoint
CREATE TRIGGER report_placement_insert AFTER INSERT ON placements FOR EACH ROW WHEN (NEW.status = 'completed') EXECUTE FUNCTION report_on_placement();
--> statement-breakpoint
CREATE TRIGGER report_placement_update AFTER UPDATE OF status, completed_at, district_id, school_id, student_id, opportunity_id, employer_id ON placements
  FOR EACH ROW WHEN (NEW.status = 'completed' OR OLD.status = 'completed') EXECUTE FUNCTION report_on_placement();
--> statement-breakpoint
CREATE TRIGGER report_hours_insert AFTER INSERT ON hours_entries FOR EACH ROW WHEN (NEW.status = 'approved') EXECUTE FUNCTION report_on_hours();
--> statement-breakpoint
CREATE TRIGGER report_hours_update AFTER UPDATE OF status, hours, placement_id ON hours_entries
  FOR EACH ROW WHEN (OLD.status = 'approved' OR NEW.status = 'approved') EXECUTE FUNCTION report_on_hours();
--> statement-breakpoint
CREATE TRIGGER report_hours_delete AFTER DELETE ON hours_entries FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION report_on_hours();
--> statement-breakpoint
CREATE TRIGGER report_opportunity_update AFTER UPDATE OF kind, level, sector ON opportunities
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.level IS DISTINCT FROM NEW.level OR OLD.sector IS DISTINCT FROM NEW.sector) EXECUTE FUNCTION report_on_opportunity();
--> statement-breakpoint
CREATE TRIGGER report_request_update AFTER UPDATE OF district_id, school_id, pathway_id ON requests
  FOR EACH ROW WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.pathway_id IS DISTINCT FROM NEW.pathway_id) EXECUTE FUNCTION report_on_request();
--> statement-breakpoint
-- Backfill what already exists (the functions above are the single definition of a row).
SELECT report_sync_match(id) FROM matches WHERE status = 'completed';
--> statement-breakpoint
SELECT report_sync_placement(id) FROM placements WHERE status = 'completed';
