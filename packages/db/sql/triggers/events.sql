-- Triggers on events (PostgreSQL fires a table's triggers in name order, BEFORE ones first).

-- held_at, set when an event becomes held.
CREATE OR REPLACE TRIGGER event_held_at BEFORE INSERT OR UPDATE OF status ON events
  FOR EACH ROW WHEN (NEW.status = 'held') EXECUTE FUNCTION event_mark_held();

-- report_experiences: a held event's rows, written whole (an archived event keeps them).
CREATE OR REPLACE TRIGGER report_event_insert AFTER INSERT ON events
  FOR EACH ROW WHEN (NEW.held_at IS NOT NULL) EXECUTE FUNCTION report_on_event();

CREATE OR REPLACE TRIGGER report_event_update AFTER UPDATE OF status, held_at, kind, starts_at, district_id, region_id ON events
  FOR EACH ROW WHEN (NEW.held_at IS NOT NULL OR OLD.held_at IS NOT NULL) EXECUTE FUNCTION report_on_event();
