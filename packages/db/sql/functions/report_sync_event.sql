-- One multi-employer event's rows of report_experiences, written whole like report_sync_match:
-- deleted, then inserted again if the event was held (held_at set, and held or archived since).
-- Each counted student (event_counted_students) gets a row of the event's report kind and level
-- at their school, district and pathway (sector: the pathway's, else 'Unknown'), dated the event's
-- UTC day, with no employer; each employer of a counted volunteer (event_counted_volunteers,
-- known organizations only) gets a row in the running district (null: the region ran it) with
-- no school and no student. So an event adds one experience per student and one per employer.
CREATE OR REPLACE FUNCTION report_sync_event(event uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_experiences WHERE event_id = event;
  INSERT INTO report_experiences (region_id, event_id, completed_on, district_id, school_id, pathway_id, sector, level, kind, employer_id, student_id, attended, seats, hours)
  SELECT e.region_id, e.id, (e.starts_at AT TIME ZONE 'UTC')::date, st.district_id, c.school_id, c.pathway_id, coalesce(p.sector, 'Unknown'),
         event_report_level(e.kind), event_report_kind(e.kind), NULL, c.student_id, 0, 1, 0
  FROM events e
  CROSS JOIN LATERAL event_counted_students(e.id) c
  JOIN students st ON st.id = c.student_id
  LEFT JOIN pathways p ON p.id = c.pathway_id
  WHERE e.id = event AND e.held_at IS NOT NULL AND e.status IN ('held', 'archived')
  UNION ALL
  SELECT e.region_id, e.id, (e.starts_at AT TIME ZONE 'UTC')::date, e.district_id, NULL, NULL, coalesce(o.sectors[1], 'Unknown'),
         event_report_level(e.kind), event_report_kind(e.kind), o.id, NULL, 0, 0, 0
  FROM events e
  JOIN organizations o ON o.id IN (SELECT v.organization_id FROM event_counted_volunteers(e.id) v)
  WHERE e.id = event AND e.held_at IS NOT NULL AND e.status IN ('held', 'archived');
$$;
