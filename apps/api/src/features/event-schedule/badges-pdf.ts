import type { GuardianLanguage } from "@bridgework/domain";
import { rgb } from "pdf-lib";
import QRCode from "qrcode";
import { newDocument } from "./pdf-writer.ts";

export interface Badge {
  name: string;
  /** Employer (volunteer) or school (student). */
  organization: string;
  /** "Interviewer", "Student"… */
  role: string;
  badgeCode: string;
}

const TEXT = { en: "Name badges", es: "Gafetes" } as const;

/** Letter paper, 2 × 4 badges of 3.5 × 2.25 in (common badge-insert size), with cut lines. */
const COLUMNS = 2;
const ROWS = 4;
const W = 252;
const H = 162;
const LEFT = (612 - COLUMNS * W) / 2;
const TOP = 792 - (792 - ROWS * H) / 2;

/**
 * Name badges, eight a page: the name large, the employer or school, the role, and the badge
 * code printed as text and as a QR code (scanned at check-in; the text is typed when a camera fails).
 */
export async function renderBadgesPdf(
  language: GuardianLanguage,
  eventTitle: string,
  badges: readonly Badge[],
): Promise<Buffer> {
  const { doc, fonts } = await newDocument(`${eventTitle} - ${TEXT[language]}`, language);
  const fit = (text: string, size: number, bold: boolean, width: number) => {
    const font = bold ? fonts.bold : fonts.regular;
    let s = size;
    const clean = fonts.clean(text);
    while (s > 7 && font.widthOfTextAtSize(clean, s) > width) s -= 1;
    let line = clean;
    while (line.length > 1 && font.widthOfTextAtSize(line, s) > width) line = `${line.slice(0, -4)}...`;
    return { line, size: s, font };
  };
  if (badges.length === 0) doc.addPage([612, 792]);
  for (let i = 0; i < badges.length; i += COLUMNS * ROWS) {
    const page = doc.addPage([612, 792]);
    badges.slice(i, i + COLUMNS * ROWS).forEach((badge, j) => {
      const x = LEFT + (j % COLUMNS) * W;
      const y = TOP - (Math.floor(j / COLUMNS) + 1) * H;
      page.drawRectangle({ x, y, width: W, height: H, borderColor: rgb(0.75, 0.75, 0.75), borderWidth: 0.5 });
      const textWidth = W - 24;
      const name = fit(badge.name, 22, true, textWidth);
      page.drawText(name.line, { x: x + 12, y: y + H - 36, size: name.size, font: name.font });
      const org = fit(badge.organization, 12, false, textWidth);
      page.drawText(org.line, { x: x + 12, y: y + H - 56, size: org.size, font: org.font });
      const role = fit(badge.role, 11, true, textWidth - 80);
      page.drawText(role.line, { x: x + 12, y: y + 48, size: role.size, font: role.font });
      page.drawText(badge.badgeCode, { x: x + 12, y: y + 16, size: 22, font: fonts.bold });
      // The QR code, drawn module by module (vector, sharp at any printer resolution).
      const qr = QRCode.create(badge.badgeCode, { errorCorrectionLevel: "M" }).modules;
      const side = 72;
      const cell = side / (qr.size + 2);
      const qx = x + W - side - 10;
      const qy = y + 10;
      for (let r = 0; r < qr.size; r++)
        for (let c = 0; c < qr.size; c++)
          if (qr.get(r, c))
            page.drawRectangle({
              x: qx + (c + 1) * cell,
              y: qy + side - (r + 2) * cell,
              width: cell,
              height: cell,
              color: rgb(0, 0, 0),
            });
    });
  }
  return Buffer.from(await doc.save());
}
