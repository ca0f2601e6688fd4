import { common } from "./common.ts";
import { type MailContent, renderMail } from "./layout.tsx";
import type { Attachment, Message, Recipient } from "./types.ts";

/** One reader's email: the greeting and layout in their language, the content, any attachments. */
export async function mailTo(
  recipient: Recipient,
  subject: string,
  content: Omit<MailContent, "language" | "hello">,
  attachments?: Attachment[],
): Promise<Message> {
  const language = recipient.language;
  const body = await renderMail({ language, hello: common(language)("hello", { name: recipient.name }), ...content });
  return { subject, ...body, ...(attachments ? { attachments } : {}) };
}
