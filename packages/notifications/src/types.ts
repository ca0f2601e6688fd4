import type { GuardianLanguage } from "@bridgework/domain";

/** The languages people read Bridgework in. */
export type Language = GuardianLanguage;

/** Whoever an email goes to: a user, a guardian, a student (18+) or a worksite supervisor. */
export interface Recipient {
  name: string;
  email: string;
  language: Language;
}

/** What every message builder takes besides its own facts. */
export interface MessageBase {
  recipient: Recipient;
  /** The region's IANA time zone: every instant in the message is shown in it. */
  timeZone: string;
}

export interface Attachment {
  filename: string;
  contentType: string;
  /** Base64, the way the outbox stores attachments. */
  content: string;
}

/** A rendered email, ready for the outbox. */
export interface Message {
  subject: string;
  text: string;
  html: string;
  attachments?: Attachment[];
}
