import type { OrganizationType, Role } from "../enums.ts";
import type { DocumentKind } from "../placements/placements.ts";
import {
  actionWord,
  documentWords,
  organizationTypeWord,
  roleWord,
  statusWord,
  type Thing,
  thingWord,
} from "./words.ts";

const s = (n: number) => (n === 1 ? "" : "s");
/** A Retry-After in the unit a person waits in: "40 seconds", "15 minutes", "2 hours" (rounded up). */
const wait = (seconds: number) => {
  if (seconds < 60) return `${seconds} second${s(seconds)}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minute${s(minutes)}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${s(hours)}`;
};
const status = (value: string) => statusWord(value, "en");
/** A calendar day (YYYY-MM-DD) as people read it: "Mar 1, 2031". */
const day = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

/**
 * Every problem sentence the API says, by key. Params carry the facts (numbers, names, states);
 * each language renders them. `catalogue.es.ts` must have the same keys (the type says so).
 */
export const PROBLEMS_EN = {
  // Titles: one per problem family; the `type` slug never changes with the language.
  "title.not-found": () => "Not found",
  "title.unauthenticated": () => "Not logged in",
  "title.forbidden": () => "Forbidden",
  "title.conflict": () => "Conflict",
  "title.rule-violated": () => "Rule violated",
  "title.invalid-request": () => "Invalid request",
  "title.link-expired": () => "Link no longer valid",
  "title.rate-limited": () => "Too many requests",
  "title.busy": () => "Busy, try again",
  "title.internal": () => "Internal error",
  "title.method-not-allowed": () => "Method not allowed",
  "title.not-acceptable": () => "Not acceptable",
  "title.payload-too-large": () => "Payload too large",
  "title.unsupported-media-type": () => "Unsupported media type",
  "title.bad-request": () => "Bad request",

  // Generic details.
  "not-found": (p: { what: Thing }) => `${cap(thingWord(p.what, "en"))} does not exist or is not visible to you.`,
  "no-route": (p: { method: string; path: string }) => `No route for ${p.method} ${p.path}.`,
  "log-in": () => "Log in to continue.",
  "session-expired": () => "Your session has expired. Log in again.",
  "session-ended": () => "Your session has ended. Log in again.",
  "session-revoked": () => "This session was ended for your safety. Log in again.",
  "bad-credentials": () => "The email or password is not right.",
  "role-may-not": () => "Your role may not do this.",
  "invalid-transition": (p: { entity: Thing; from: string; action: string }) =>
    `This ${p.entity} is ${status(p.from)} and cannot be ${actionWord(p.action, "en")}.`,
  "fields-invalid": () => "Some fields are not valid.",
  "request-part-invalid": (p: { where: string; count: number }) =>
    `The ${p.where} has ${p.count} invalid field${s(p.count)}.`,
  "invalid-value": () => "Invalid value",
  "unstorable-text": () => "Some text in the request cannot be stored.",
  "unstorable-text-field": () => "Text may not contain NUL characters or invalid UTF-8.",
  "link-expired": () => "This link has already been used, has expired or was revoked.",
  "unknown-time-zone": (p: { zone: string }) => `"${p.zone}" is not an IANA time zone such as America/Los_Angeles.`,
  "pick-time-zone": () => "Pick an IANA time zone such as America/Los_Angeles.",
  "sign-in-account-organization": () =>
    "Accounts created on first sign-in go to a school of your region (as teachers) or an employer.",
  "sign-in-issuer-https": () => "The issuer must be an https:// address.",
  "packet-document-required": () => "A packet link signs the document it showed: give its id.",
  "document-already-signed": () => "This document is already signed.",
  "paperwork-nothing-to-resend": () =>
    "Every document of this placement is signed or void; there is nothing to send again.",
  "rate-limited": (p: { seconds: number }) => `Too many attempts. Try again in ${wait(p.seconds)}.`,
  "rate-limited-later": () => "Too many requests. Try again later.",
  busy: () =>
    "Another change to the same records was being saved at the same time. Nothing was saved; send the request again.",
  internal: () => "Something went wrong on our side. Quote the request id if you report it.",
  "body-unreadable": () => "The request body could not be read.",
  "method-not-allowed": () => "This method is not allowed here.",
  "not-acceptable": () => "The server cannot answer in a format this request accepts.",
  "payload-too-large": () => "The request body is too large.",
  "unsupported-media-type": () => "This content type is not accepted here.",
  "bad-request": () => "The request could not be handled.",
  /** Text that is not ours (a parser's message), passed through unchanged in every language. */
  verbatim: (p: { text: string }) => p.text,
  // forms: a request field that failed its schema, in words a person can act on (shown next to the field).
  "field.required": () => "Fill in this field.",
  "field.choose": () => "Choose one of the options.",
  "field.too-short": (p: { minimum: number }) => `Enter at least ${p.minimum} character${s(p.minimum)}.`,
  "field.too-long": (p: { maximum: number }) => `Enter at most ${p.maximum} character${s(p.maximum)}.`,
  "field.choose-at-least": (p: { minimum: number }) => `Choose at least ${p.minimum}.`,
  "field.choose-at-most": (p: { maximum: number }) => `Choose at most ${p.maximum}.`,
  "field.at-least": (p: { minimum: number | string }) => `Enter ${p.minimum} or more.`,
  "field.more-than": (p: { minimum: number | string }) => `Enter more than ${p.minimum}.`,
  "field.at-most": (p: { maximum: number | string }) => `Enter ${p.maximum} or less.`,
  "field.less-than": (p: { maximum: number | string }) => `Enter less than ${p.maximum}.`,
  "field.number": () => "Enter a number.",
  "field.whole-number": () => "Enter a whole number.",
  "field.email": () => "Enter an email address, like name@example.org.",
  "field.date": () => "Enter a date (YYYY-MM-DD).",
  "field.datetime": () => "Enter a date and time.",
  "field.id": () => "Not a valid id; choose one from the list.",
  "field.format": () => "Check the format of this value.",
  "field.agree": () => "Tick the box to continue.",

  // Field messages.
  "ends-before-starts": () => "Ends before it starts",
  "window-ends-before-starts": () => "The window ends before it starts",
  "employer-required": () => "Name the employer you are posting for",
  "school-required": () => "Pick the school this request is for",
  "district-required": () => "Pick the district to export",
  "not-a-pathway-of": (p: { school: string }) => `Not a pathway of ${p.school}`,
  "role-organization-mismatch": (p: { role: Role; expected: OrganizationType; actual: OrganizationType }) =>
    `A ${roleWord(p.role, "en")} belongs to a ${organizationTypeWord(p.expected, "en")}, not a ${organizationTypeWord(p.actual, "en")}`,
  "ask-cap-employers-only": () => "Only employers have an ask cap",
  "school-needs-district": () => "A school needs its district",
  "no-such-district": () => "No such district in your region",
  "parent-schools-only": () => "Only schools have a parent district",
  "unknown-placeholder": (p: { name: string }) => `Unknown placeholder {{${p.name}}}`,
  "hours-not-waiting": () => "Not an entry waiting for approval on this placement",
  "rating-required": () => "Rate the student from 1 to 5, or say that no evaluation is given",
  "adult-student-email-required": () =>
    "The student is 18 or older on the start date and signs for themself: give their email",
  "column-missing": (p: { column: string }) => `Column ${p.column} is missing`,
  "csv-nul-bytes": () => "The file contains NUL bytes",
  "csv-header-expected": () =>
    "Expected a header with localId, firstName, lastName, birthDate, grade, schoolId, or a OneRoster users.csv header",

  // Feature details.
  "csv-unreadable": () => "The body is not a readable CSV file.",
  "csv-not-text": () => "The body is not a text CSV file.",
  "csv-columns-missing": () => "The CSV lacks required columns.",
  "csv-unknown-format": () => "The CSV is neither Bridgework's student format nor a OneRoster users.csv.",
  "oneroster-no-role": () => "This OneRoster users.csv has no role column, so students cannot be told from staff.",
  "invite-own-district-teachers": () => "Coordinators invite teachers of their own district's schools.",
  "invite-own-organization": () => "Employers invite colleagues to their own organization.",
  "email-taken": () => "Someone with this email already has an account.",
  "invitation-not-needed": (p: { name: string }) => `${p.name} has already set a password; there is nothing to resend.`,
  "capacity-below-taken": (p: { taken: number }) =>
    `${p.taken} seat${s(p.taken)} ${p.taken === 1 ? "is" : "are"} already taken, so the capacity cannot go below ${p.taken}.`,
  "seats-just-taken": (p: { seats: number }) =>
    `Not enough seats are left for ${p.seats} more student${s(p.seats)}: they were just taken.`,
  "feedback-after-completion": (p: { status: string }) =>
    `This match is ${status(p.status)}: feedback opens once it is completed.`,
  "feedback-given": () => "You have already given feedback on this match.",
  "reschedule-not-yours": () => "Only the teacher who asked, the employer or a coordinator can change the time.",
  "cancel-match-not-yours": () => "Only the teacher who asked, or a coordinator, can cancel this match.",
  "ask-limit-reached": (p: { employer: string; asks: number; cap: number }) =>
    `${p.employer} has already been sent ${p.asks} ask${s(p.asks)} this month (limit ${p.cap}). Wait until next month, combine requests, or ask an intermediary to raise the limit.`,
  "grow-not-ready": (p: { employer: string }) =>
    `${p.employer} does not meet this grow rule now, or was invited to this step in the last 90 days.`,
  "grow-kind-mismatch": () => "This rule invites to another kind of experience.",
  "grow-no-contact": (p: { employer: string }) => `${p.employer} has no active contact to send the invitation to.`,
  "blackout-month": (p: { employer: string; month: number }) =>
    `${p.employer} asked not to be sent asks in ${new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2000, p.month - 1, 1)))}. Wait until a month they take asks.`,
  "opportunity-not-taking-matches": (p: { status: string }) =>
    `This opportunity is ${status(p.status)} and cannot take new matches.`,
  "seats-left": (p: { count: number }) =>
    `Only ${p.count} seat${p.count === 1 ? " is" : "s are"} left on this opportunity.`,
  "match-exists": () => "This request already has a live match with this opportunity.",
  "job-not-failed": (p: { status: string }) =>
    `This job is ${status(p.status)}; only a job that failed can be retried.`,
  "job-just-retried": () => "This job was just retried or finished.",
  "template-version-exists": () =>
    "Someone published a new version of this form at the same moment. Reload and try again.",
  "student-local-id-taken": (p: { localId: string }) =>
    `A student with local id "${p.localId}" already exists in this district.`,
  "student-local-id-taken-other": () => "Another student of that district already has this local id.",
  "paperwork-incomplete": (p: { count: number; kinds: DocumentKind[] }) =>
    `${p.count} document${s(p.count)} ${p.count === 1 ? "is" : "are"} not signed yet: ${documentWords(p.kinds, "en")}.`,
  "insurance-missing": () =>
    "The employer has no certificate of insurance on file. Record one, or record a rider or waiver for this placement.",
  "insurance-expired": (p: { on: string }) =>
    `The employer's certificate of insurance expired on ${p.on}. Record a current one, or record a rider or waiver for this placement.`,
  "hours-need-active": (p: { status: string }) =>
    `Hours are logged for active placements; this one is ${status(p.status)}.`,
  "hours-outside-window": (p: { start: string; end: string }) =>
    `Hours must fall between the placement's start (${p.start}) and end (${p.end}), and not in the future.`,
  "document-not-pending": (p: { status: string }) =>
    `This document is ${status(p.status)}; only an unsigned document can be sent again.`,
  "opportunity-not-published": (p: { status: string }) =>
    `The opportunity is ${status(p.status)}; only a published opportunity takes placements.`,
  "every-seat-taken": () => "Every seat of this opportunity is taken.",
  "guardian-email-missing": (p: { student: string }) =>
    `${p.student} has no parent or guardian email on file, and a minor's paperwork is signed by them. Add the guardian to the student first.`,
  "under-minimum-age": (p: { student: string; age: number; on: string; minAge: number }) =>
    `${p.student} is ${p.age} on ${p.on}; this opportunity requires students to be at least ${p.minAge}.`,
  "placement-open": (p: { student: string }) => `${p.student} already has an open placement in this opportunity.`,
  "cancel-request-not-yours": () => "Only the teacher who made this request, or a coordinator, can cancel it.",
  "pathway-own-district": () => "Coordinators add pathways to their own district's schools.",
  "pathway-exists": (p: { school: string; name: string }) => `${p.school} already has a pathway named "${p.name}".`,
  "organization-name-taken": () => "Another organization of this type already has that name.",
  "organization-exists": (p: { name: string }) =>
    `An organization of this type named "${p.name}" already exists in your region.`,

  // Students import (area: students): row problems, each naming the file's column.
  "import-row-unreadable": (p: { detail: string }) => `Not readable as CSV: ${p.detail}`,
  "import-cell-missing": (p: { column: string }) => `${p.column} missing`,
  "import-grade-invalid": (p: { column: string; cell: string }) =>
    `${p.column} "${p.cell}" is not a grade from 6 to 12`,
  "import-date-invalid": (p: { column: string; cell: string }) => `${p.column} "${p.cell}" is not a date (YYYY-MM-DD)`,
  "import-choice-invalid": (p: { column: string; cell: string; choices: string }) =>
    `${p.column} "${p.cell}" is not one of: ${p.choices}`,
  "import-yes-no": (p: { column: string; cell: string }) => `${p.column} "${p.cell}": use Y or N`,
  "import-email-invalid": (p: { column: string; cell: string }) => `${p.column} "${p.cell}" is not an email address`,
  "import-ssid-invalid": (p: { column: string; cell: string }) => `${p.column} "${p.cell}": SSID is 10 digits`,
  "import-cell-invalid": (p: { column: string; cell: string; detail: string }) =>
    `${p.column} "${p.cell}": ${p.detail}`,
  "import-school-unknown": (p: { column: string; cell: string; scope: "district" | "region" }) =>
    `${p.column} "${p.cell}" is not the name, local code or id of a school of your ${p.scope}`,
  "import-local-id-repeats": (p: { localId: string; line: number }) =>
    `localId "${p.localId}" repeats line ${p.line}; only the first is imported`,
  "import-oneroster-school-unknown": (p: { refs: string; scope: "district" | "region" }) =>
    `orgSourcedIds: none of ${p.refs} is a school of your ${p.scope} (by Bridgework id, exact name or local code)`,
  "import-oneroster-to-be-deleted": () => "status tobedeleted: not imported (delete a student in Bridgework instead)",
  // Account (forgot password) and bulk actions.
  "password-reset-link-expired": () =>
    "This password reset link has already been used or has expired (links work once, for an hour). Ask for a new one.",
  "bulk-ids-unique": () => "List each item only once.",
  // Insurance certificates (file upload, asking an employer for one).
  "certificate-file-too-large": (p: { mb: number }) =>
    `The certificate file is larger than ${p.mb} MB. Send a smaller PDF, PNG or JPEG.`,
  "certificate-file-type": () => "The certificate file must be a PDF, PNG or JPEG.",
  "certificate-file-empty": () => "The certificate file is empty.",
  "employer-has-no-contacts": (p: { employer: string }) =>
    `${p.employer} has no active user to ask. Invite someone from the employer first.`,
  // Asks and requests: a time must fall inside the window the teacher asked for.
  "outside-window": (p: { start: string; end: string }) =>
    `That time is outside the teacher's window (${day(p.start)} – ${day(p.end)}). Pick a date and time from ${day(p.start)} to ${day(p.end)}, or decline and say which dates would work.`,
  "outside-window-field": (p: { start: string; end: string }) => `Pick a date from ${day(p.start)} to ${day(p.end)}`,
  // What is waiting + calendar (area "waiting")
  "range-ends-before-starts": () => 'The range ends before it starts. Pick a "to" day on or after the "from" day.',
  "calendar-range-too-long": () => "Ask for at most 93 days at a time.",
  // Organizations: a school's local code (area "code").
  "organization-local-code-taken": (p: { code: string }) =>
    `Another organization of this type in your region already has the local code "${p.code}".`,
  "organization-local-code-field": () => "Already used by another organization of this type",
  // District data: the district's export (area "district-export").
  "district-export-not-ready": () => "This export is not ready yet. Download it when its progress reaches 100%.",
  // Invitations: one answer for every address already in use, in this region or another (area "privacy").
  "address-not-invitable": () =>
    "This email address can't be invited. If the person already uses Bridgework, look for them in your list of people; otherwise ask them for another address.",
  "address-not-invitable-field": () => "Can't be invited: use another address",
  // Erasing a district's student data (area "erase"): the typed confirmation.
  "erase-confirm-mismatch": (p: { name: string }) =>
    `Nothing was erased: type the district's name exactly as shown, "${p.name}", to confirm.`,
  "erase-confirm-field": (p: { name: string }) => `Type "${p.name}" exactly`,
  // Unavailable (503): the database cannot be reached or is too slow, or this server is restarting.
  "title.unavailable": () => "Service unavailable",
  "unavailable-database": () => "The service cannot reach its database right now. Try again in a few seconds.",
  "unavailable-restarting": () => "This server is restarting. Send the request again.",
  // Input limits (area "limits"): router errors and date ranges.
  "title.uri-too-long": () => "URI too long",
  "uri-too-long": () => "A part of this address is too long to be an id or a link.",
  "url-unreadable": () => "The address of the request could not be read.",
  "url-unreadable-field": () => "The address contains a broken %-escape; check the link.",
  "field.date-range": (p: { from: number; to: number }) => `Enter a date from the years ${p.from} to ${p.to}.`,
  // Employer preferences and recognition (area "recognition").
  "own-ask-cap-above-region": (p: { cap: number }) =>
    `Your region set a cap of ${p.cap} asks a month; you can lower it, not raise it above ${p.cap}. Ask your intermediary to raise it.`,
  "own-ask-cap-field": (p: { cap: number }) => `At most ${p.cap} (the cap your region set)`,
  "preferred-contact-not-colleague": () => "The preferred contact must be one of this organization's own people.",
  "preferred-contact-field": () => "Choose one of your organization's people",
  "preferences-not-saved": () => "Your preferences were not saved; see the fields below.",
  "nothing-to-thank": (p: { employer: string; schoolYear: string }) =>
    `${p.employer} has no completed engagements, placements or approved hours in ${p.schoolYear}, so there is nothing to thank them for yet.`,
  // Events run by coordinators and the intermediary (area "events-admin").
  "event-shift-full": (p: { role: string; needed: number }) =>
    `Every place in "${p.role}" is taken (${p.needed} needed). Raise the number needed first, or add the volunteer to another shift.`,
  "event-role-has-volunteers": (p: { count: number }) =>
    `This shift has ${p.count} confirmed volunteer${s(p.count)}. Cancel them first, or keep the shift.`,
  "event-needed-below-confirmed": (p: { confirmed: number }) =>
    `${p.confirmed} volunteer${s(p.confirmed)} already confirmed for this shift: the number needed cannot go below ${p.confirmed}.`,
  "event-needed-below-confirmed-field": (p: { confirmed: number }) => `At least ${p.confirmed}`,
  "event-not-editable": (p: { status: string }) => `This event is ${status(p.status)}; it can no longer be changed.`,
  "event-school-out-of-scope": () => "Choose a school of your district (or region)",
  "event-pathway-out-of-scope": () => "Choose a pathway of a school taking part",
  "event-volunteer-signed-up": () => "This person is already signed up for this shift.",
  // Public volunteer sign-up for events (area "event-signup").
  "volunteer-already-signed-up": () =>
    "This email is already signed up for this shift. Check your email for the confirmation; it has a link to cancel.",
  "event-not-open": () => "This event no longer takes sign-ups or cancellations here. Contact the people running it.",
  // Events: students and the built schedule (area "event-schedule").
  "event-schedule-frozen": (p: { status: string }) =>
    `This event is ${status(p.status)}: its students and schedule can no longer change.`,
  "event-not-scheduled-kind": () =>
    "Only mock interviews and competition judging have a built schedule; this event's volunteers only sign up.",
  "event-school-not-taking-part": () =>
    "That school does not take part in this event. Add it to the event's schools first.",
  "event-school-field": () => "Choose one of the event's schools",
  "event-pathway-not-of-school": () => "That pathway is not one of this school's pathways.",
  "event-pathway-field": () => "Choose one of this school's pathways",
  "event-volunteer-not-scheduled": () => "Only confirmed interviewers (or judges) of this event can be replaced.",
  // The day of an event (area "event-day").
  "badge-not-found": () => "No badge with that code at this event. Check the code, or find the person in the list.",
  "no-show-checked-in": (p: { name: string }) =>
    `${p.name} has checked in, so they cannot be marked as a no-show. Undo the check-in first if it was a mistake.`,
  "score-unknown-criterion": () => "This is not a criterion of the event's rubric.",
  "event-not-scoring": () => "Scores can be saved only once sign-up has opened and until the event is archived.",
} as const;

export type ProblemCatalogue = { [K in keyof typeof PROBLEMS_EN]: (typeof PROBLEMS_EN)[K] };

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
