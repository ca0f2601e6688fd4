CREATE TABLE "report_employer_firsts" (
	"employer_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"first_completed_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_employer_firsts" ADD CONSTRAINT "report_employer_firsts_employer_id_organizations_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_employer_firsts" ADD CONSTRAINT "report_employer_firsts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_employer_firsts_region_id_index" ON "report_employer_firsts" USING btree ("region_id");--> statement-breakpoint
-- Kept from report_experiences per statement (its writers, report_sync_match/placement, delete
-- and re-insert an experience's row): added rows can only move a first date earlier; removed
-- or changed ones make their employers' first dates be looked up again (one index probe each).
CREATE FUNCTION report_firsts_add_from(added_employer uuid[], added_region uuid[], added_on date[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_employer_firsts (employer_id, region_id, first_completed_on)
  SELECT a.employer_id, a.region_id, min(a.completed_on)
  FROM unnest(added_employer, added_region, added_on) AS a(employer_id, region_id, completed_on)
  GROUP BY a.employer_id, a.region_id
  ON CONFLICT (employer_id) DO UPDATE SET first_completed_on = least(report_employer_firsts.first_completed_on, excluded.first_completed_on);
$$;
--> statement-breakpoint
CREATE FUNCTION report_firsts_recheck(employers uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_employer_firsts f
  WHERE f.employer_id = ANY(employers) AND NOT EXISTS (SELECT 1 FROM report_experiences x WHERE x.employer_id = f.employer_id);
  UPDATE report_employer_firsts f
  SET first_completed_on = (SELECT min(x.completed_on) FROM report_experiences x WHERE x.employer_id = f.employer_id)
  WHERE f.employer_id = ANY(employers);
$$;
--> statement-breakpoint
CREATE FUNCTION report_firsts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_add_from(array_agg(employer_id), array_agg(region_id), array_agg(completed_on)) FROM added HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_firsts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_recheck(array_agg(DISTINCT employer_id)) FROM removed HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Updates mostly change hours, sector or school: only rows whose employer or date moved count.
CREATE FUNCTION report_firsts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_firsts_recheck(array_agg(DISTINCT r.employer_id))
  FROM removed r JOIN added a ON a.id = r.id
  WHERE (r.employer_id, r.region_id, r.completed_on) IS DISTINCT FROM (a.employer_id, a.region_id, a.completed_on) HAVING count(*) > 0;
  PERFORM report_firsts_add_from(array_agg(a.employer_id), array_agg(a.region_id), array_agg(a.completed_on))
  FROM added a JOIN removed r ON r.id = a.id
  WHERE (r.employer_id, r.region_id, r.completed_on) IS DISTINCT FROM (a.employer_id, a.region_id, a.completed_on) HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_firsts_insert AFTER INSERT ON report_experiences REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_insert();--> statement-breakpoint
CREATE TRIGGER report_firsts_delete AFTER DELETE ON report_experiences REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_delete();--> statement-breakpoint
CREATE TRIGGER report_firsts_update AFTER UPDATE ON report_experiences REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION report_firsts_on_update();--> statement-breakpoint
INSERT INTO report_employer_firsts (employer_id, region_id, first_completed_on)
SELECT employer_id, region_id, min(completed_on) FROM report_experiences GROUP BY employer_id, region_id;
