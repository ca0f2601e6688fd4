-- The continuum level of an event's report kind: KIND_LEVEL of @bridgework/domain for
-- event_report_kind (held to it by the test of report_sync_event).
CREATE OR REPLACE FUNCTION event_report_level(kind event_kind) RETURNS wbl_level LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind
    WHEN 'mock_interviews' THEN 'engagement'
    WHEN 'career_fair' THEN 'exposure'
    WHEN 'competition_judging' THEN 'engagement'
    WHEN 'industry_panel' THEN 'exposure'
    WHEN 'advisory_meeting' THEN 'educator'
  END::wbl_level;
$$;
