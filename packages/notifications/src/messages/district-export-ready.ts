import { formatDateTime } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("districtExportReady", {
  en: {
    subject: "The data export of {{district}} is ready",
    body: "The export you asked for — every record about {{district}}'s students, with the signed documents — is ready to download.",
    expires:
      "It can be downloaded until {{at}}; then it is deleted. It holds students' personal data: keep it where your district keeps student records.",
    action: "Download it on the District data page",
  },
  es: {
    subject: "La exportación de datos de {{district}} está lista",
    body: "La exportación que pidió —todos los registros de los estudiantes de {{district}}, con los documentos firmados— está lista para descargar.",
    expires:
      "Puede descargarla hasta el {{at}}; después se elimina. Contiene datos personales de estudiantes: guárdela donde su distrito guarda los expedientes estudiantiles.",
    action: "Descargarla en la página Datos del distrito",
  },
});

/** The archive itself is never attached: it is downloaded by a signed-in person, and audited. */
export type DistrictExportReadyFacts = MessageBase & { district: string; expiresAt: Date; link: string };

/** A district export finished: to the person who started it. */
export async function districtExportReadyMessage(f: DistrictExportReadyFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("subject", { district: f.district }), {
    paragraphs: [
      t("body", { district: f.district }),
      t("expires", { at: formatDateTime(f.expiresAt, lang, f.timeZone) }),
    ],
    action: { label: t("action"), url: f.link },
  });
}
