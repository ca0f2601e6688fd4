-- Stamp a row with the transaction writing it (changed_xact, 64-bit, never wraps), so the API's
-- in-memory catalog can read a region's rows changed since its last look: it asks for stamps at
-- or after that look's snapshot xmin, and every older transaction had finished by then
-- (apps/api/src/lib/catalog/catalog-store.ts). Inserts take the column default.
CREATE OR REPLACE FUNCTION bw_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xact := pg_current_xact_id();
  RETURN NEW;
END $$;
