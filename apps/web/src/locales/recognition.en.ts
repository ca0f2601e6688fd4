/** English text of employer preferences and thank-you letters; es has the same keys. */
export const recognitionEn = {
  preferences: {
    pageTitle: "Preferences",
    intro: "How often and when the region may ask your organization, whom to ask first, and your thank-you letter.",
    title: "Engagement preferences",
    cap: "New asks a month, at most",
    capHint: "Your region set {{cap}}; you can choose fewer. Leave it as is to keep {{cap}}.",
    capHintNoCeiling: "Your region set no limit; you can choose one.",
    blackout: "Months not to ask us",
    blackoutHint: "Asks and invitations wait until these months are over.",
    contact: "Preferred contact",
    contactHint: "Asks and invitations go to this person first.",
    everyone: "Everyone on our team",
    save: "Save preferences",
    saved: "Your preferences are saved.",
  },
  letter: {
    title: "Thank-you letter",
    titleFor: "Thank-you letter for {{employer}}",
    pageTitle: "Thank-you letters",
    intro:
      "At the end of a school year, thank each employer with a one-page letter of what they did: engagements, students reached and hours hosted.",
    employer: "Employer",
    schoolYear: "School year",
    download: "Download thank-you letter",
    send: "Send thank-you letter",
    sent_one: "The thank-you letter was emailed to {{to}}.",
    sent_other: "The thank-you letter was emailed to {{count}} people: {{to}}.",
    alreadySent: "It was already sent today; nothing new was sent.",
    hint: "A one-page PDF listing the school year's engagements, placements, students reached and approved hours. A year with nothing completed has no letter.",
  },
};
