/** English text of asks and requests as each side follows them (ask card, ask states, cancelling a request); es has the same keys. */
export const asksEn = {
  card: {
    window: "Teacher's window",
    grades: "Grades",
    students: "Students",
    format: "Format",
    notes: "Teacher's notes",
  },
  accept: {
    label: "Date and time (optional)",
    windowHint:
      "Pick a time from {{start}} to {{end}} (the teacher's window), {{zone}} time. Set it now to schedule the visit and send calendar invites, or leave it for later.",
  },
  state: {
    proposed: "Waiting for the coordinator to approve asking {{employer}}",
    approved: "Waiting for {{employer}} to answer",
    accepted: "Accepted by {{employer}}: no date set yet",
    scheduled: "Scheduled for {{when}} with {{employer}}",
    completed: "Completed with {{employer}}",
    declined: "Declined by {{employer}}",
    cancelled: "Cancelled (ask to {{employer}})",
  },
  requests: {
    asks: "Asks",
    noAsks: "No asks yet",
    where: "Where it stands",
    matched:
      "An employer has said yes to this request; see the dates above. You can still ask another if you need more.",
    noOtherSuggestions: "No other published opportunity fits this request.",
  },
  cancel: {
    button: "Cancel request",
    title: "Cancel this request?",
    body: "Its open asks are withdrawn and any scheduled visit is called off. This cannot be undone.",
    reason: "Reason (optional)",
    reasonHint: "Your coordinator and the employers you asked can read it.",
    confirm: "Cancel the request",
    keep: "Keep it",
    done: "The request is cancelled.",
  },
  suggestion: {
    notBookable: "Not bookable now",
    capReached:
      "{{employer}} has had all the asks agreed for this month, so it cannot be asked now. Pick another suggestion, or wait until next month.",
  },
};
