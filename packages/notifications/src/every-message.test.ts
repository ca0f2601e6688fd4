import { describe, expect, it } from "vitest";
import * as notifications from "./index.ts";
import type { Language, Message, Recipient } from "./index.ts";

/**
 * Every message kind the product sends, rendered in both languages from one set of facts: the
 * reader's name, the facts that matter (names, links, a time in the region's zone) and the
 * language of the HTML. A new `…Message` builder must be added here (the last test says so).
 */
const LA = "America/Los_Angeles";
const at = new Date("2027-01-12T18:00:00Z"); // 10:00 AM PST
const now = new Date("2027-01-05T16:00:00Z");
const link = "https://bw.example/x/tok";
const engagement = {
  kind: "job_shadow",
  title: "Nursing shadow day",
  employer: "Valley Medical Center",
  school: "Lincoln High",
  students: 3,
} as const;
const calendar = {
  matchId: "m1",
  sequence: 0,
  start: at,
  opportunityStartsAt: null,
  opportunityEndsAt: null,
  place: { virtual: false, city: "Fresno" },
  attendees: [],
  now,
};

const volunteerShift = {
  volunteerId: "v1",
  event: "Mock Interview Day",
  role: "Interviewer",
  startsAt: at,
  endsAt: new Date(at.getTime() + 3 * 3600_000),
  location: "Fresno Convention Center",
  virtualUrl: null,
  bring: "Résumé copies",
  badgeCode: "V-7K3P",
};

type Build = (base: { recipient: Recipient; timeZone: string }) => Promise<Message>;
const n = notifications;

/** Each kind: how to build it, and the facts a reader must find in its text. */
const KINDS: Record<string, { build: Build; facts: string[] }> = {
  invitationMessage: {
    build: (b) => n.invitationMessage({ ...b, role: "teacher", organization: "Lincoln High", link, expiresAt: at }),
    facts: ["Lincoln High", link, "10:00"],
  },
  passwordResetMessage: {
    build: (b) => n.passwordResetMessage({ ...b, link, expiresAt: at }),
    facts: [link, "10:00", "ana@example.org"],
  },
  matchApprovedMessage: {
    build: (b) =>
      n.matchApprovedMessage({
        ...b,
        engagement,
        link,
        windowStart: "2027-02-01",
        windowEnd: "2027-02-26",
        note: "Bring scrubs",
      }),
    facts: ["Lincoln High", "Bring scrubs", link],
  },
  matchAcceptedMessage: {
    build: (b) => n.matchAcceptedMessage({ ...b, engagement, link, scheduledAt: at }),
    facts: ["Valley Medical Center", "10:00", "PST", link],
  },
  matchDeclinedMessage: {
    build: (b) => n.matchDeclinedMessage({ ...b, engagement, link, reason: "No staff that week" }),
    facts: ["Valley Medical Center", "No staff that week", link],
  },
  matchScheduledMessage: {
    build: (b) => n.matchScheduledMessage({ ...b, engagement, link, calendar }),
    facts: ["10:00", "PST", link],
  },
  matchInviteCancelledMessage: {
    build: (b) =>
      n.matchInviteCancelledMessage({ ...b, engagement, link, calendar, how: "cancelled", reason: "Snow day" }),
    facts: ["Snow day", "10:00", link],
  },
  matchCancelledMessage: {
    build: (b) => n.matchCancelledMessage({ ...b, engagement, link, reason: "Class moved" }),
    facts: ["Lincoln High", "Class moved", link],
  },
  matchNudgeMessage: {
    build: (b) =>
      n.matchNudgeMessage({ ...b, school: "Lincoln High", title: "Nursing shadow day", daysWaiting: 4, link }),
    facts: ["Lincoln High", "Nursing shadow day", link],
  },
  matchEscalationMessage: {
    build: (b) =>
      n.matchEscalationMessage({
        ...b,
        employer: "Valley Medical Center",
        school: "Lincoln High",
        title: "Nursing shadow day",
        daysWaiting: 8,
        link,
      }),
    facts: ["Valley Medical Center", "8", link],
  },
  engagementTomorrowMessage: {
    build: (b) =>
      n.engagementTomorrowMessage({
        ...b,
        matchId: "m1",
        engagement,
        at,
        icsSequence: 0,
        opportunityStartsAt: null,
        opportunityEndsAt: null,
        city: "Fresno",
        virtual: false,
        attendees: [],
        link,
        now,
      }),
    facts: ["Valley Medical Center", "10:00", "PST", link],
  },
  placementStartsMessage: {
    build: (b) =>
      n.placementStartsMessage({
        ...b,
        placementId: "p1",
        student: "Maya R.",
        school: "Lincoln High",
        employer: "Valley Medical Center",
        title: "Clinic intern",
        startDate: "2027-02-01",
        city: "Fresno",
        attendees: [],
        link,
        hasAccount: true,
        now,
      }),
    facts: ["Maya R.", "Valley Medical Center", "2027", link],
  },
  growInvitationMessage: {
    build: (b) =>
      n.growInvitationMessage({
        ...b,
        employer: "Valley Medical Center",
        region: "Valley",
        intermediary: "Valley Career Pathways Collaborative",
        kind: "job_shadow",
        history: "2 guest talks",
        link,
      }),
    facts: ["Valley Medical Center", "Valley Career Pathways Collaborative", "2 guest talks", link],
  },
  districtExportReadyMessage: {
    build: (b) => n.districtExportReadyMessage({ ...b, district: "Valley Unified", expiresAt: at, link }),
    facts: ["Valley Unified", "10:00", "PST", link],
  },
  signRequestMessage: {
    build: (b) =>
      n.signRequestMessage({
        ...b,
        variant: "request",
        signerRole: "guardian",
        student: { firstName: "Maya", lastName: "Reyes" },
        district: "Valley Unified",
        opportunityTitle: "Clinic intern",
        employer: "Valley Medical Center",
        startDate: "2027-02-01",
        endDate: "2027-05-28",
        documents: ["guardian_consent", "emergency_contact"],
        dueOn: "2027-01-25",
        link,
        expiresAt: at,
      }),
    facts: ["Maya Reyes", "Valley Medical Center", link],
  },
  paperworkOverdueMessage: {
    build: (b) =>
      n.paperworkOverdueMessage({
        ...b,
        student: "Maya Reyes",
        title: "Clinic intern",
        employer: "Valley Medical Center",
        school: "Lincoln High",
        dueOn: "2027-01-25",
        documents: [{ kind: "guardian_consent", signerRole: "guardian", remindersSent: 2 }],
        link,
      }),
    facts: ["Maya Reyes", "Valley Medical Center", link],
  },
  paperworkCompleteMessage: {
    build: (b) =>
      n.paperworkCompleteMessage({
        ...b,
        student: "Maya Reyes",
        title: "Clinic intern",
        employer: "Valley Medical Center",
        placementUrl: link,
      }),
    facts: ["Maya Reyes", "Clinic intern", link],
  },
  insuranceExpiringMessage: {
    build: (b) =>
      n.insuranceExpiringMessage({
        ...b,
        audience: "intermediary",
        insuranceLink: link,
        employer: "Valley Medical Center",
        carrier: "Acme Mutual",
        policyNumber: "PL-778",
        expiresOn: "2027-01-31",
      }),
    facts: ["Valley Medical Center", "Acme Mutual", "PL-778", "2027", link],
  },
  insuranceRequestMessage: {
    build: (b) =>
      n.insuranceRequestMessage({
        ...b,
        employer: "Valley Medical Center",
        requester: "Carla Coordinator",
        placements: [{ student: "Maya R.", title: "Clinic intern", startDate: "2027-02-01" }],
        insuranceLink: link,
      }),
    facts: ["Valley Medical Center", "Carla Coordinator", "Maya R.", "Clinic intern", "2027", link],
  },
  hoursApprovalMessage: {
    build: (b) =>
      n.hoursApprovalMessage({
        ...b,
        student: "Maya R.",
        title: "Clinic intern",
        employer: "Valley Medical Center",
        pending: 2,
        link,
        expiresAt: at,
      }),
    facts: ["Maya R.", link, "10:00"],
  },
  hoursToApproveMessage: {
    build: (b) =>
      n.hoursToApproveMessage({
        ...b,
        student: "Maya R.",
        employer: "Valley Medical Center",
        title: "Clinic intern",
        totalHours: 6,
        entries: 2,
        oldest: "2027-01-04",
        link,
      }),
    facts: ["Maya R.", "6", link],
  },
  evaluationRequestMessage: {
    build: (b) =>
      n.evaluationRequestMessage({
        ...b,
        student: "Maya R.",
        title: "Clinic intern",
        employer: "Valley Medical Center",
        startDate: "2027-02-01",
        endDate: "2027-05-28",
        link,
        expiresAt: at,
      }),
    facts: ["Maya R.", link],
  },
  feedbackRequestMessage: {
    build: (b) =>
      n.feedbackRequestMessage({
        ...b,
        audience: "teacher",
        kind: "job_shadow",
        title: "Nursing shadow day",
        partner: "Valley Medical Center",
        at,
        completed: true,
        link,
      }),
    facts: ["Valley Medical Center", link],
  },
  thankYouLetterMessage: {
    build: (b) =>
      n.thankYouLetterMessage({
        ...b,
        employer: "Valley Medical Center",
        region: "Central Valley",
        intermediary: "Valley WBL Partnership",
        sender: "Ida Intermediary",
        schoolYear: "2025-2026",
        letter: { filename: "thank-you.pdf", contentType: "application/pdf", content: "JVBERi0=" },
      }),
    facts: ["Valley Medical Center", "Central Valley", "Ida Intermediary", "2025-2026"],
  },
  eventThanksMessage: {
    build: (b) =>
      n.eventThanksMessage({
        ...b,
        event: "Fall mock interviews",
        day: "2026-10-14",
        employer: { name: "Valley Medical Center", volunteers: 2 },
        hours: 5.5,
      }),
    facts: ["Fall mock interviews", "Valley Medical Center"],
  },
  interestConfirmationMessage: {
    build: (b) =>
      n.interestConfirmationMessage({
        ...b,
        region: "Valley",
        company: "Fresno Robotics",
        ways: ["class_talk", "job_shadows"],
        link,
        expiresAt: at,
      }),
    facts: ["Fresno Robotics", "Valley", link, "10:00"],
  },
  interestDeclinedMessage: {
    build: (b) =>
      n.interestDeclinedMessage({
        ...b,
        company: "Acme Plumbing",
        region: "Valley",
        intermediary: "Valley Career Pathways Collaborative",
        reason: "We already work with a plumbing partner",
      }),
    facts: [
      "Acme Plumbing",
      "Valley",
      "We already work with a plumbing partner",
      "Valley Career Pathways Collaborative",
    ],
  },
  eventVolunteersMessage: {
    build: (b) =>
      n.eventVolunteersMessage({
        ...b,
        event: "Spring mock-interview day",
        role: "Interviewer",
        subject: "Parking",
        body: "Park in lot C.\n\nBring two pens.",
      }),
    facts: ["Spring mock-interview day", "Interviewer", "Park in lot C.", "Bring two pens."],
  },
  volunteerConfirmedMessage: {
    build: (b) =>
      n.volunteerConfirmedMessage({
        ...b,
        shift: volunteerShift,
        scheduleLink: link,
        cancelLink: `${link}/cancel`,
        movedUp: false,
        now,
      }),
    facts: ["Mock Interview Day", "Interviewer", "10:00", "Résumé copies", "V-7K3P", link, `${link}/cancel`],
  },
  volunteerWaitlistedMessage: {
    build: (b) => n.volunteerWaitlistedMessage({ ...b, shift: volunteerShift, position: 2, cancelLink: link }),
    facts: ["Mock Interview Day", "Interviewer", "2", "10:00", link],
  },
  volunteerReminderMessage: {
    build: (b) =>
      n.volunteerReminderMessage({
        ...b,
        shift: volunteerShift,
        days: 7,
        scheduleLink: link,
        cancelLink: `${link}/cancel`,
      }),
    facts: ["Mock Interview Day", "Interviewer", "10:00", link, `${link}/cancel`],
  },
  volunteerCancelledMessage: {
    build: (b) =>
      n.volunteerCancelledMessage({
        ...b,
        event: "Mock Interview Day",
        role: "Interviewer",
        startsAt: at,
        cancelled: { name: "Rosa Vega", employer: "Valley Medical Center", wasWaitlisted: false },
        movedUp: { name: "Tom Li", employer: "Fresno Robotics" },
        open: 0,
        link,
      }),
    facts: ["Rosa Vega", "Valley Medical Center", "Tom Li", "Fresno Robotics", "Interviewer", "10:00", link],
  },
};

const reader = (language: Language): Recipient => ({ name: "Ana <Díaz>", email: "ana@example.org", language });

describe("every message kind", () => {
  describe.each(Object.entries(KINDS))("%s", (_name, kind) => {
    it("speaks English and Spanish with the facts a reader needs, the name escaped, times in the region's zone", async () => {
      const byLanguage = {
        en: await kind.build({ recipient: reader("en"), timeZone: LA }),
        es: await kind.build({ recipient: reader("es"), timeZone: LA }),
      };
      expect(byLanguage.en.subject).not.toBe(byLanguage.es.subject);
      expect(byLanguage.en.text.split("\n")[0]).toBe("Hello Ana <Díaz>,");
      expect(byLanguage.es.text.split("\n")[0]).toBe("Hola, Ana <Díaz>:");
      for (const language of ["en", "es"] as const) {
        const m = byLanguage[language];
        expect(m.subject.length).toBeGreaterThan(0);
        for (const fact of kind.facts) expect(m.text, `${language}: ${fact}`).toContain(fact);
        expect(m.html).toContain(`lang="${language}"`);
        expect(m.html).toContain("Ana &lt;Díaz&gt;");
        expect(m.html).not.toContain("<Díaz>");
        expect(m.text).not.toMatch(/UTC|{{|}}/);
      }
    });
  });

  it("lists every builder the package exports", () => {
    const builders = Object.keys(notifications).filter((name) => name.endsWith("Message"));
    expect(builders.sort()).toEqual(Object.keys(KINDS).sort());
  });
});
