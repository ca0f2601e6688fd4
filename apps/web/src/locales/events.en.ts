/** English text of multi-employer events (shared vocabulary, tabs and the events pages); es has the same keys. */
export const eventsEn = {
  kinds: {
    mock_interviews: "Mock-interview day",
    career_fair: "Career fair",
    competition_judging: "Competition judging",
    industry_panel: "Industry panel",
    advisory_meeting: "Advisory meeting",
  },
  statuses: {
    draft: "Draft",
    open: "Open for sign-up",
    closed: "Sign-up closed",
    held: "Held",
    archived: "Archived",
  },
  volunteerStatuses: { confirmed: "Confirmed", waitlisted: "Waiting list", cancelled: "Cancelled" },
  tabs: {
    label: "Event sections",
    overview: "Overview and volunteers",
    schedule: "Students and schedule",
    day: "Day of the event",
  },
  loadFailed: "The event could not be loaded.",
};
