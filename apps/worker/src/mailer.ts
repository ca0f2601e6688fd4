import nodemailer from "nodemailer";

export interface OutgoingEmail {
  /** The email row's id: it becomes the Message-ID, the same on every attempt. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** Where emails go: SMTP when SMTP_URL is set; otherwise they stay in the database for the dev mailbox. */
export interface Mailer {
  readonly kind: "smtp" | "mailbox";
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from = "Bridgework <no-reply@bridgework.dev>"): Mailer {
  if (!smtpUrl) return { kind: "mailbox", async send() {}, close() {} };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(email) {
      await transport.sendMail({
        // A stable Message-ID: if a worker dies between the server's 250 and our `sent` mark, the
        // resend carries the same id, and mail stores that dedupe by Message-ID show it once.
        messageId: `<email-${email.id}@bridgework.dev>`,
        from,
        // Quoted-printable always: our emails are mostly Latin text, and without a choice
        // nodemailer scans every header and body with two regular expressions to pick one.
        textEncoding: "quoted-printable",
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html ?? undefined,
        attachments: email.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, "base64"),
        })),
      });
    },
    close: () => transport.close(),
  };
}
