export type Language = "en" | "es";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Built once: a formatter costs far more to make than to use, and sweeps format thousands of dates.
const DAY_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }),
  es: new Intl.DateTimeFormat("es-US", { dateStyle: "long", timeZone: "UTC" }),
};
const TIME_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" });

/** "March 10, 2027" / "10 de marzo de 2027": a YYYY-MM-DD read as a calendar day, never shifted by a time zone. */
export function formatDay(day: string, language: Language = "en"): string {
  return DAY_FORMATS[language].format(new Date(`${day}T00:00:00Z`));
}

export const formatTime = (at: Date) => `${TIME_FORMAT.format(at)} UTC`;

/** First name and last initial: what employers and supervisors see of a student (domain.md, Privacy). */
export const limitedName = (first: string, last: string) => `${first} ${last.slice(0, 1)}.`;

export interface MailBody {
  hello: string;
  paragraphs: string[];
  links: { label: string; url: string }[];
  footer?: string;
}

/** The same message as plain text and as HTML (every interpolated value escaped). */
export function renderMail(body: MailBody): { text: string; html: string } {
  const text = [body.hello, "", ...body.paragraphs.flatMap((p) => [p, ""]), ...body.links.map((l) => `- ${l.label}: ${l.url}`), ...(body.footer ? ["", body.footer] : [])].join("\n");
  const html = [
    `<p>${escapeHtml(body.hello)}</p>`,
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<ul>${body.links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join("")}</ul>`,
    ...(body.footer ? [`<p>${escapeHtml(body.footer)}</p>`] : []),
  ].join("");
  return { text, html };
}
