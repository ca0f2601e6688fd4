-- Written by `pnpm db:sql grow_invitations --name grow_invitations_notify` from packages/db/sql (docs/database.md): the files' content as of this
-- migration. To change a function or trigger, edit its file and run `pnpm db:sql <name>`.
-- packages/db/sql/triggers/grow_invitations.sql
-- Triggers on grow_invitations (PostgreSQL fires a table's triggers in name order).

-- The region cache and the in-memory employer standing: an invitation counts as an ask this
-- month, so NOTIFY bw_region_changed with its region, at commit.
CREATE OR REPLACE TRIGGER grow_invitations_region_changed AFTER INSERT OR UPDATE OR DELETE ON grow_invitations
  FOR EACH ROW EXECUTE FUNCTION bw_notify_region_change();
