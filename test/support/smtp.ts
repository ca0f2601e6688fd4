import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL / createMailer. */
  url: string;
  /** Messages accepted so far, parsed as a mail client would. */
  messages: ParsedMail[];
  /** When each delivery attempt (DATA) arrived, accepted or refused. */
  attempts: number[];
  /** Resolves once `n` messages were accepted. */
  waitForMessages(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Resolves once `n` delivery attempts were made. */
  waitForAttempts(n: number, timeoutMs?: number): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free loopback port: the only thing tests fake is what would leave
 * the machine. With `refuse`, every message gets a temporary 451 so delivery keeps failing.
 */
export async function startTestSmtp(options: { refuse?: boolean } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const attempts: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // No STARTTLS: the self-signed certificate would be refused by nodemailer, and nothing leaves loopback.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      attempts.push(Date.now());
      if (options.refuse) {
        stream.resume();
        stream.on("end", () =>
          callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as { port: number };

  const waitUntil = async <T>(what: string, ready: () => boolean, value: () => T, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`SMTP: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return value();
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts,
    waitForMessages: (n, timeoutMs = 15_000) =>
      waitUntil(
        `${n} message(s), got ${messages.length}`,
        () => messages.length >= n,
        () => messages,
        timeoutMs,
      ),
    waitForAttempts: (n, timeoutMs = 15_000) =>
      waitUntil(
        `${n} attempt(s), got ${attempts.length}`,
        () => attempts.length >= n,
        () => attempts,
        timeoutMs,
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
