-- Tell every API process when what a region's catalog search and suggestions read has changed,
-- so the results they cache per region are dropped (apps/api/src/lib/region-cache.ts). NOTIFY
-- is delivered at commit and only then; identical notifications in one transaction fold into
-- one, so bulk writes send one per region. '*' means "some region": match feedback names no region.
CREATE OR REPLACE FUNCTION bw_notify_region_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('bw_region_changed', OLD.region_id::text);
  ELSE
    PERFORM pg_notify('bw_region_changed', NEW.region_id::text);
    IF TG_OP = 'UPDATE' AND NEW.region_id IS DISTINCT FROM OLD.region_id THEN
      PERFORM pg_notify('bw_region_changed', OLD.region_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;
