import type { GuardianLanguage } from "@bridgework/domain";
import { formatSignedAt } from "@bridgework/notifications";
import { type PDFFont, PDFDocument, type PDFPage, StandardFonts } from "pdf-lib";

export interface SignedPdfInput {
  title: string;
  text: string;
  language: GuardianLanguage;
  placementLine: string;
  /** The region's IANA zone: the signing time is written in it, with its abbreviation (PST/PDT). */
  timeZone: string;
  signature: {
    typedName: string;
    signerRole: string;
    signedAt: Date;
    ip: string;
    userAgent: string;
    sha256: string;
    template: string;
  };
}

const LABELS = {
  en: {
    block: "Electronic signature",
    by: "Signed by (typed name)",
    role: "Signer",
    signedOn: (when: string) => `Signed on ${when}`,
    ip: "IP address",
    agent: "Browser",
    template: "Form",
    hash: "SHA-256 of the text above",
  },
  es: {
    block: "Firma electrónica",
    by: "Firmado por (nombre escrito)",
    role: "Firmante",
    signedOn: (when: string) => `Firmado el ${when}`,
    ip: "Dirección IP",
    agent: "Navegador",
    template: "Formulario",
    hash: "SHA-256 del texto anterior",
  },
};

/** Stand-ins for characters a standard font may lack, before falling back to "?". */
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
  "\t": "    ",
};

/**
 * The standard PDF fonts encode WinAnsi only: Spanish letters (á, ñ, ¿) are in it, emoji and
 * most other scripts are not, and pdf-lib throws on them. Anything the font lacks becomes "?"
 * in the PDF copy; the stored text and its hash keep every character.
 */
function sanitizer(font: PDFFont) {
  const supported = new Set(font.getCharacterSet());
  return (s: string) =>
    Array.from(s.replace(/\r/g, ""), (ch) => (supported.has(ch.codePointAt(0)!) ? ch : (PLAIN[ch] ?? "?"))).join("");
}

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly clean: (s: string) => string,
  ) {
    this.page = doc.addPage([612, 792]);
    this.y = 792 - 60;
  }
  /** Writes one paragraph, word-wrapped to the margins, starting new pages as needed. */
  paragraph(text: string, font: PDFFont, size: number, gapAfter = size * 0.5) {
    const width = 612 - 2 * 60;
    for (const line of this.wrap(this.clean(text), font, size, width)) {
      if (this.y < 60 + size) {
        this.page = this.doc.addPage([612, 792]);
        this.y = 792 - 60;
      }
      this.page.drawText(line, { x: 60, y: this.y - size, size, font });
      this.y -= size * 1.35;
    }
    this.y -= gapAfter;
  }
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    if (text.trim() === "") return [""];
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width || !line) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
    return lines;
  }
}

/** A signed copy: the exact text that was signed, then the signature block (typed name, time, IP, text hash). */
export async function renderSignedPdf(input: SignedPdfInput): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setProducer("Bridgework");
  doc.setCreationDate(input.signature.signedAt);
  doc.setModificationDate(input.signature.signedAt);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const out = new Writer(doc, sanitizer(regular));
  out.paragraph(input.title, bold, 15, 4);
  out.paragraph(input.placementLine, regular, 9, 12);
  for (const paragraph of input.text.split("\n")) out.paragraph(paragraph, regular, 11, 2);

  const l = LABELS[input.language];
  const s = input.signature;
  out.paragraph("", regular, 11, 8);
  out.paragraph(l.block, bold, 13, 4);
  out.paragraph(`${l.by}: ${s.typedName}`, regular, 11, 2);
  out.paragraph(`${l.role}: ${s.signerRole}`, regular, 11, 2);
  // The UTC instant stays beside the local time: it is exact to the second and reads the same wherever the copy goes.
  out.paragraph(
    `${l.signedOn(formatSignedAt(s.signedAt, input.language, input.timeZone))} (${s.signedAt.toISOString()})`,
    regular,
    11,
    2,
  );
  out.paragraph(`${l.ip}: ${s.ip}`, regular, 11, 2);
  out.paragraph(`${l.agent}: ${s.userAgent.slice(0, 200)}`, regular, 9, 2);
  out.paragraph(`${l.template}: ${s.template}`, regular, 11, 2);
  out.paragraph(`${l.hash}:`, regular, 11, 0);
  out.paragraph(s.sha256, regular, 10, 2);
  return Buffer.from(await doc.save());
}
