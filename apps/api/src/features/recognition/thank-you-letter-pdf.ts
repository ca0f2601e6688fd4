import { type GuardianLanguage, LABELS } from "@bridgework/domain";
import { formatDay } from "@bridgework/notifications";
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";
import type { LetterFacts } from "./letter-facts.ts";

export interface ThankYouLetterInput {
  language: GuardianLanguage;
  employer: string;
  /** Whom the letter greets (the preferred contact), or null for the whole organization. */
  contactName: string | null;
  region: string;
  /** The intermediary organization that signs. */
  intermediary: string;
  /** The person who sent it, when one did. */
  signer: { name: string } | null;
  /** The day it is written, YYYY-MM-DD in the region's zone. */
  today: string;
  facts: LetterFacts;
}

const TEXT = {
  en: {
    title: (employer: string) => `Thank you, ${employer}`,
    dateLine: (day: string, year: string) => `${day} · School year ${year}`,
    dear: (name: string) => `Dear ${name},`,
    opening: (region: string, employer: string, year: string) =>
      `On behalf of the schools and students of ${region}, thank you for everything ${employer} did for work-based learning during the ${year} school year.`,
    numbers: "Your year in numbers",
    engagementCount: (n: number) => `Engagements with a class (talks, tours and visits): ${n}`,
    placementCount: (n: number, kinds: string) => `Placements hosted: ${n}${kinds ? ` (${kinds})` : ""}`,
    students: (n: number) => `Students reached: ${n}`,
    hours: (h: string) => `Hours hosted (approved): ${h}`,
    engagementsHeading: "Your engagements",
    engagementLine: (day: string, kind: string, school: string, n: number) =>
      `${day} - ${kind}, ${school}${n > 0 ? `, ${n} student${n === 1 ? "" : "s"}` : ""}`,
    more: (n: number) => `…and ${n} more.`,
    closing:
      "Every hour you gave showed young people what your work looks like and how to get there. We look forward to working with you again next year.",
    regards: "With gratitude,",
    role: "Work-based learning intermediary",
  },
  es: {
    title: (employer: string) => `Gracias, ${employer}`,
    dateLine: (day: string, year: string) => `${day} · Año escolar ${year}`,
    dear: (name: string) => `Estimado/a ${name}:`,
    opening: (region: string, employer: string, year: string) =>
      `En nombre de las escuelas y los estudiantes de ${region}, gracias por todo lo que ${employer} hizo por el aprendizaje basado en el trabajo durante el año escolar ${year}.`,
    numbers: "Su año en cifras",
    engagementCount: (n: number) => `Actividades con una clase (charlas, visitas y recorridos): ${n}`,
    placementCount: (n: number, kinds: string) => `Prácticas acogidas: ${n}${kinds ? ` (${kinds})` : ""}`,
    students: (n: number) => `Estudiantes alcanzados: ${n}`,
    hours: (h: string) => `Horas acogidas (aprobadas): ${h}`,
    engagementsHeading: "Sus actividades",
    engagementLine: (day: string, kind: string, school: string, n: number) =>
      `${day} - ${kind}, ${school}${n > 0 ? `, ${n} estudiante${n === 1 ? "" : "s"}` : ""}`,
    more: (n: number) => `…y ${n} más.`,
    closing:
      "Cada hora que nos dedicó mostró a los jóvenes cómo es su trabajo y cómo llegar a él. Esperamos seguir trabajando con ustedes el próximo año.",
    regards: "Con gratitud,",
    role: "Intermediario de aprendizaje basado en el trabajo",
  },
} as const;

/** At most this many engagements are listed, so the letter stays one page. */
const LISTED = 12;

/** Characters the standard fonts lack; Spanish letters (á, ñ, ¿) are in WinAnsi and stay as they are. */
const PLAIN: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2026": "...",
  "\u00A0": " ",
  "\u202F": " ",
};

class Page {
  private y = 792 - 72;
  private readonly supported: Set<number>;
  constructor(
    private readonly page: PDFPage,
    font: PDFFont,
  ) {
    this.supported = new Set(font.getCharacterSet());
  }
  private clean(s: string) {
    return Array.from(s, (ch) => (this.supported.has(ch.codePointAt(0)!) ? ch : (PLAIN[ch] ?? "?"))).join("");
  }
  /** One paragraph, word-wrapped to the margins. */
  write(text: string, font: PDFFont, size: number, gapAfter = size * 0.6) {
    const width = 612 - 2 * 72;
    let line = "";
    const lines: string[] = [];
    for (const word of this.clean(text).split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
    for (const l of lines) {
      this.page.drawText(l, { x: 72, y: this.y - size, size, font });
      this.y -= size * 1.35;
    }
    this.y -= gapAfter;
  }
}

/** A one-page thank-you letter: the year's engagements, placements, students and hours, signed by the intermediary. */
export async function renderThankYouLetter(input: ThankYouLetterInput): Promise<Buffer> {
  const t = TEXT[input.language];
  const kinds = LABELS[input.language].kinds;
  const f = input.facts;
  const doc = await PDFDocument.create();
  doc.setTitle(t.title(input.employer));
  doc.setProducer("Bridgework");
  doc.setLanguage(input.language);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const out = new Page(doc.addPage([612, 792]), regular);
  const number = new Intl.NumberFormat(input.language === "es" ? "es-US" : "en-US", { maximumFractionDigits: 2 });

  out.write(input.intermediary, bold, 11, 2);
  out.write(t.dateLine(formatDay(input.today, input.language), f.schoolYear), regular, 10, 18);
  out.write(t.title(input.employer), bold, 18, 10);
  out.write(t.dear(input.contactName ?? input.employer), regular, 11, 6);
  out.write(t.opening(input.region, input.employer, f.schoolYear), regular, 11, 12);

  out.write(t.numbers, bold, 13, 4);
  const placementTotal = f.placements.reduce((n, p) => n + p.count, 0);
  const placementKinds = f.placements.map((p) => `${kinds[p.kind]} ${p.count}`).join(", ");
  out.write(t.engagementCount(f.engagements.length), regular, 11, 2);
  out.write(t.placementCount(placementTotal, placementKinds), regular, 11, 2);
  out.write(t.students(f.studentsReached), regular, 11, 2);
  out.write(t.hours(number.format(f.hours)), regular, 11, 12);

  if (f.engagements.length > 0) {
    out.write(t.engagementsHeading, bold, 13, 4);
    for (const e of f.engagements.slice(0, LISTED))
      out.write(
        t.engagementLine(formatDay(e.completedOn, input.language), kinds[e.kind], e.school, e.students),
        regular,
        10,
        1,
      );
    if (f.engagements.length > LISTED) out.write(t.more(f.engagements.length - LISTED), regular, 10, 1);
    out.write("", regular, 10, 6);
  }

  out.write(t.closing, regular, 11, 16);
  out.write(t.regards, regular, 11, 10);
  if (input.signer) out.write(input.signer.name, bold, 11, 1);
  out.write(t.role, regular, 10, 1);
  out.write(input.intermediary, input.signer ? regular : bold, 10, 1);
  return Buffer.from(await doc.save());
}
