import { TZDate } from "@date-fns/tz";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { INVITE_ORGANIZER } from "../calendar.ts";
import { formatDateTime } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Attachment, Language, Message, MessageBase } from "../types.ts";

/**
 * Emails of the public volunteer sign-up for events (area: event-signup): the confirmation
 * (with the shift as .ics), the waiting-list notice, the reminders 7 and 1 days before, and the
 * note to whoever runs the event that someone cancelled (and who moved up).
 */
const strings = defineStrings("eventVolunteer", {
  en: {
    confirmedSubject: "You are signed up: {{event}}",
    confirmedBody: "Thank you for volunteering at {{event}}. Your place as {{role}} is confirmed.",
    movedUpSubject: "A place opened up: you are signed up for {{event}}",
    movedUpBody:
      "A place opened up and you moved up from the waiting list: your place as {{role}} at {{event}} is confirmed.",
    shift: "Your shift: {{start}} to {{end}}.",
    place: "Where: {{place}}.",
    bring: "Please bring: {{bring}}.",
    badge: "Your badge code for check-in: {{badge}}.",
    ics: "The shift is attached as a calendar entry.",
    schedule: "My schedule",
    cancel: "I can no longer come (cancel)",
    cancelHint:
      "If you can no longer come, please cancel with the link below so someone on the waiting list can take your place.",
    waitlistedSubject: "You are on the waiting list: {{event}}",
    waitlistedBody:
      "Thank you for offering to volunteer at {{event}}. Every place as {{role}} is taken, so you are number {{position}} on the waiting list. If a place opens up, we will email you right away.",
    reminderSubject_7: "In one week: {{event}}",
    reminderSubject_1: "Tomorrow: {{event}}",
    reminderBody: "A reminder that you volunteer as {{role}} at {{event}}.",
    cancelledSubject: "{{name}} cancelled: {{event}}",
    cancelledBody: "{{name}} ({{employer}}) cancelled their place as {{role}} at {{event}} ({{start}}).",
    movedUp: "{{name}} ({{employer}}) moved up from the waiting list and is now confirmed.",
    noneMovedUp: "Nobody was waiting for this shift: it now has {{open}} open place(s).",
    wasWaitlisted: "They were on the waiting list, so no confirmed place changed.",
    online: "online",
  },
  es: {
    confirmedSubject: "Está inscrito: {{event}}",
    confirmedBody: "Gracias por ofrecerse como voluntario en {{event}}. Su lugar como {{role}} está confirmado.",
    movedUpSubject: "Se abrió un lugar: está inscrito en {{event}}",
    movedUpBody:
      "Se abrió un lugar y usted pasó de la lista de espera: su lugar como {{role}} en {{event}} está confirmado.",
    shift: "Su turno: de {{start}} a {{end}}.",
    place: "Dónde: {{place}}.",
    bring: "Por favor traiga: {{bring}}.",
    badge: "Su código de gafete para registrarse: {{badge}}.",
    ics: "El turno va adjunto como evento de calendario.",
    schedule: "Mi horario",
    cancel: "Ya no puedo asistir (cancelar)",
    cancelHint:
      "Si ya no puede asistir, cancele con el enlace de abajo para que alguien de la lista de espera tome su lugar.",
    waitlistedSubject: "Está en la lista de espera: {{event}}",
    waitlistedBody:
      "Gracias por ofrecerse como voluntario en {{event}}. Todos los lugares como {{role}} están ocupados, así que usted es el número {{position}} de la lista de espera. Si se abre un lugar, le escribiremos de inmediato.",
    reminderSubject_7: "En una semana: {{event}}",
    reminderSubject_1: "Mañana: {{event}}",
    reminderBody: "Le recordamos que participa como voluntario, {{role}}, en {{event}}.",
    cancelledSubject: "{{name}} canceló: {{event}}",
    cancelledBody: "{{name}} ({{employer}}) canceló su lugar como {{role}} en {{event}} ({{start}}).",
    movedUp: "{{name}} ({{employer}}) pasó de la lista de espera y ahora está confirmado.",
    noneMovedUp: "Nadie esperaba en este turno: ahora tiene {{open}} lugar(es) libre(s).",
    wasWaitlisted: "Estaba en la lista de espera, así que ningún lugar confirmado cambió.",
    online: "en línea",
  },
});

/** The links in a volunteer's emails (pages without login: the token is the key). */
export function volunteerLinks(publicUrl: string) {
  const base = publicUrl.replace(/\/$/, "");
  return {
    schedule: (token: string) => `${base}/volunteer/${token}`,
    cancel: (token: string) => `${base}/volunteer/cancel/${token}`,
  };
}

/** One volunteer's shift, as every email of theirs describes it. */
export interface VolunteerShift {
  volunteerId: string;
  event: string;
  role: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  virtualUrl: string | null;
  bring: string;
  badgeCode: string;
}

function shiftLines(t: ReturnType<typeof strings>, s: VolunteerShift, lang: Language, timeZone: string): string[] {
  const lines = [
    t("shift", { start: formatDateTime(s.startsAt, lang, timeZone), end: formatDateTime(s.endsAt, lang, timeZone) }),
  ];
  const place = s.location ?? (s.virtualUrl ? `${t("online")} (${s.virtualUrl})` : null);
  if (place) lines.push(t("place", { place }));
  if (s.bring.trim()) lines.push(t("bring", { bring: s.bring.trim() }));
  lines.push(t("badge", { badge: s.badgeCode }));
  return lines;
}

/** The shift as an .ics (METHOD:PUBLISH: a calendar entry to keep, not a meeting to answer), in the region's zone. */
export function volunteerShiftAttachment(s: VolunteerShift, timeZone: string, now: Date, url: string): Attachment {
  const calendar = ical({
    prodId: { company: "Bridgework", product: "Bridgework", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
  });
  // ical-generator writes a Date's local fields when a zone is set: pass the instant read in that zone.
  const inZone = (at: Date) => new TZDate(at.getTime(), timeZone);
  calendar.createEvent({
    id: `event-volunteer-${s.volunteerId}@bridgework.dev`,
    stamp: inZone(now),
    start: inZone(s.startsAt),
    end: inZone(s.endsAt),
    timezone: timeZone,
    summary: `${s.event}: ${s.role}`,
    description: s.bring.trim() ? s.bring.trim() : undefined,
    location: s.location ?? s.virtualUrl,
    url,
    status: ICalEventStatus.CONFIRMED,
    organizer: INVITE_ORGANIZER,
  });
  return {
    filename: "shift.ics",
    contentType: "text/calendar; method=PUBLISH",
    content: Buffer.from(calendar.toString(), "utf8").toString("base64"),
  };
}

export interface VolunteerConfirmedFacts extends MessageBase {
  shift: VolunteerShift;
  scheduleLink: string;
  cancelLink: string;
  /** Moved up from the waiting list (after someone cancelled), rather than confirmed at sign-up. */
  movedUp: boolean;
  now: Date;
}

/** A confirmed place: the shift, where, what to bring, the links, and the shift as .ics. */
export async function volunteerConfirmedMessage(f: VolunteerConfirmedFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const names = { event: f.shift.event, role: f.shift.role };
  return mailTo(
    f.recipient,
    t(f.movedUp ? "movedUpSubject" : "confirmedSubject", names),
    {
      paragraphs: [
        t(f.movedUp ? "movedUpBody" : "confirmedBody", names),
        ...shiftLines(t, f.shift, lang, f.timeZone),
        t("ics"),
        t("cancelHint"),
      ],
      action: { label: t("schedule"), url: f.scheduleLink },
      links: [{ label: t("cancel"), url: f.cancelLink }],
    },
    [volunteerShiftAttachment(f.shift, f.timeZone, f.now, f.scheduleLink)],
  );
}

export interface VolunteerWaitlistedFacts extends MessageBase {
  shift: VolunteerShift;
  position: number;
  cancelLink: string;
}

/** The shift is full: they wait, number N, and are told at once if a place opens. No .ics (no place yet). */
export async function volunteerWaitlistedMessage(f: VolunteerWaitlistedFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("waitlistedSubject", { event: f.shift.event }), {
    paragraphs: [
      t("waitlistedBody", { event: f.shift.event, role: f.shift.role, position: f.position }),
      t("shift", {
        start: formatDateTime(f.shift.startsAt, lang, f.timeZone),
        end: formatDateTime(f.shift.endsAt, lang, f.timeZone),
      }),
    ],
    links: [{ label: t("cancel"), url: f.cancelLink }],
  });
}

export interface VolunteerReminderFacts extends MessageBase {
  shift: VolunteerShift;
  /** 7 or 1: days before the shift. */
  days: 7 | 1;
  scheduleLink: string;
  cancelLink: string;
}

/** A week and a day before: the shift again, with fresh schedule and cancel links. */
export async function volunteerReminderMessage(f: VolunteerReminderFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t(f.days === 7 ? "reminderSubject_7" : "reminderSubject_1", { event: f.shift.event }), {
    paragraphs: [
      t("reminderBody", { event: f.shift.event, role: f.shift.role }),
      ...shiftLines(t, f.shift, lang, f.timeZone),
      t("cancelHint"),
    ],
    action: { label: t("schedule"), url: f.scheduleLink },
    links: [{ label: t("cancel"), url: f.cancelLink }],
  });
}

export interface VolunteerCancelledFacts extends MessageBase {
  event: string;
  role: string;
  startsAt: Date;
  cancelled: { name: string; employer: string; wasWaitlisted: boolean };
  movedUp: { name: string; employer: string } | null;
  /** Open places of the shift now (when nobody moved up). */
  open: number;
  /** The event's page for the people running it. */
  link: string;
}

/** To whoever runs the event: X cancelled; Y moved up (or the shift has open places). */
export async function volunteerCancelledMessage(f: VolunteerCancelledFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const who = { name: f.cancelled.name, event: f.event };
  const next = f.cancelled.wasWaitlisted
    ? t("wasWaitlisted")
    : f.movedUp
      ? t("movedUp", { name: f.movedUp.name, employer: f.movedUp.employer })
      : t("noneMovedUp", { open: f.open });
  return mailTo(f.recipient, t("cancelledSubject", who), {
    paragraphs: [
      t("cancelledBody", {
        ...who,
        employer: f.cancelled.employer,
        role: f.role,
        start: formatDateTime(f.startsAt, lang, f.timeZone),
      }),
      next,
    ],
    action: { label: f.event, url: f.link },
  });
}
