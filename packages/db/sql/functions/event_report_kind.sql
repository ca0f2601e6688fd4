-- The opportunity kind a multi-employer event's participation is reported as: EVENT_REPORT_KIND
-- of @bridgework/domain (events/events.ts), which the test of report_sync_event holds this to.
CREATE OR REPLACE FUNCTION event_report_kind(kind event_kind) RETURNS wbl_kind LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind
    WHEN 'mock_interviews' THEN 'mock_interview'
    WHEN 'career_fair' THEN 'career_fair'
    WHEN 'competition_judging' THEN 'industry_project'
    WHEN 'industry_panel' THEN 'guest_speaker'
    WHEN 'advisory_meeting' THEN 'advisory_board'
  END::wbl_kind;
$$;
