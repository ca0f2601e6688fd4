import { SMTPServer } from "smtp-server";

export interface CountingSmtp {
  url: string;
  /** Messages accepted per recipient address. */
  counts: Map<string, number>;
  /** Distinct Message-IDs accepted per recipient address: what a mailbox that dedupes by Message-ID shows. */
  messageIds: Map<string, Set<string>>;
  /** Messages accepted in all. */
  total(): number;
  close(): Promise<void>;
}

/**
 * A real SMTP server that only counts what it accepts, per recipient, without parsing bodies:
 * cheap enough for tens of thousands of messages. A message counts once its DATA has arrived,
 * just before the server answers 250: from then on the sender cannot take it back. While
 * `refusing()` says so, every message gets a temporary 451 instead and is not counted.
 */
export async function startCountingSmtp(options: { refusing?: () => boolean } = {}): Promise<CountingSmtp> {
  const counts = new Map<string, number>();
  const messageIds = new Map<string, Set<string>>();
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A worker killed mid-conversation leaves its socket to time out; do not wait long for it on close.
    socketTimeout: 5_000,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      // Only the header block is kept (for the Message-ID); the body is read and dropped.
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 8192 && !head.includes("\r\n\r\n")) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        if (options.refusing?.())
          return callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
        const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `(none ${total})`;
        for (const rcpt of session.envelope.rcptTo) {
          const address = rcpt.address.toLowerCase();
          counts.set(address, (counts.get(address) ?? 0) + 1);
          const ids = messageIds.get(address) ?? new Set<string>();
          messageIds.set(address, ids.add(messageId));
        }
        total++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // A killed worker resets its connections; that is the test, not a failure of the server.
  server.on("error", () => {});
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts,
    messageIds,
    total: () => total,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
