import type { GuardianLanguage } from "@bridgework/domain";
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";

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

export const PAGE = { width: 612, height: 792, margin: 54 } as const;

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Only what the standard fonts can draw (a name in another script becomes "?"). */
  clean(text: string): string;
}

export async function newDocument(title: string, language: GuardianLanguage) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer("Bridgework");
  doc.setLanguage(language);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const clean = (text: string) =>
    Array.from(text, (ch) => (supported.has(ch.codePointAt(0)!) ? ch : (PLAIN[ch] ?? "?"))).join("");
  return { doc, fonts: { regular, bold, clean } satisfies Fonts };
}

/** Writes lines top-down, starting a new page when one is full. */
export class Flow {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly header: (flow: Flow) => void = () => {},
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    this.header(this);
  }
  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    this.header(this);
  }
  private room(height: number) {
    if (this.y - height < PAGE.margin) this.newPage();
  }
  /** One line of text, cut with "..." when wider than the column. */
  text(text: string, { size = 11, bold = false, x = 0, width = PAGE.width - 2 * PAGE.margin, advance = true } = {}) {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    let line = this.fonts.clean(text);
    while (line.length > 1 && font.widthOfTextAtSize(line, size) > width) line = `${line.slice(0, -4)}...`;
    if (advance) this.room(size * 1.4);
    this.page.drawText(line, { x: PAGE.margin + x, y: this.y - size, size, font });
    if (advance) this.y -= size * 1.4;
  }
  /** Cells of one row at the given x offsets. */
  row(cells: readonly string[], xs: readonly number[], { size = 10, bold = false } = {}) {
    this.room(size * 1.5);
    cells.forEach((cell, i) => {
      const width = (xs[i + 1] ?? PAGE.width - 2 * PAGE.margin) - xs[i]! - 6;
      this.text(cell, { size, bold, x: xs[i]!, width, advance: false });
    });
    this.y -= size * 1.5;
  }
  gap(points: number) {
    this.y -= points;
  }
}

/** "9:20 AM" / "9:20" in the region's zone and the reader's language. */
export function timeFormat(language: GuardianLanguage, timeZone: string) {
  const f = new Intl.DateTimeFormat(language === "es" ? "es-US" : "en-US", {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
  });
  return (iso: string | Date) => f.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** "Tuesday, March 10, 2026" in the region's zone and the reader's language. */
export function dayFormat(language: GuardianLanguage, timeZone: string) {
  const f = new Intl.DateTimeFormat(language === "es" ? "es-US" : "en-US", { timeZone, dateStyle: "full" });
  return (at: Date) => f.format(at);
}

/** A file name from a title: ASCII letters and digits joined by dashes. */
export const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
    .slice(0, 60) || "event";
