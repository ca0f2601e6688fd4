-- The region cache's NOTIFY for tables whose rows name no region (match feedback): '*', so every
-- region's cached answers are dropped. See bw_notify_region_change.sql.
CREATE OR REPLACE FUNCTION bw_notify_any_region_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bw_region_changed', '*');
  RETURN NULL;
END $$;
