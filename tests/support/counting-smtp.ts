/**
 * A real SMTP server (smtp-server, 127.0.0.1) for the job engine's resilience tests, which need
 * what the shared local SMTP server (services/local-smtp) does not do: count every copy of each
 * message by its Message-ID, answer DATA slowly (so a worker can be killed while it holds jobs),
 * and go away and come back on the same port (a mail server down for a while).
 *
 * A message counts as received once its last byte has arrived — whether or not the sender is still
 * there to read the 250 — because a real server that has the whole message usually delivers it.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedCopy {
  messageId: string;
  to: string[];
  /** The sender had hung up (killed) before the server answered. */
  unanswered: boolean;
}

export interface CountingSmtp {
  url: string;
  port: number;
  received: ReceivedCopy[];
  /** Message-IDs whose last byte has arrived and whose answer is still being held back. */
  holding: () => string[];
  /** How long the server waits after a message's last byte before answering 250. */
  setAnswerDelay: (ms: number) => void;
  /** Closes the listener and every connection: clients get "connection refused" until `resume`. */
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  stop: () => Promise<void>;
}

const messageIdOf = (raw: string) => {
  const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(headers)?.[1] ?? "(none)";
};

export async function startCountingSmtp(options: { port?: number; answerDelayMs?: number } = {}) {
  const received: ReceivedCopy[] = [];
  const holding = new Set<string>();
  const closedSessions = new Set<string>();
  let answerDelayMs = options.answerDelayMs ?? 0;
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 200,
      onClose(session) {
        closedSessions.add(session.id);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", (error) => callback(error));
        stream.on("end", () => {
          const messageId = messageIdOf(Buffer.concat(chunks).toString("utf8"));
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
          holding.add(messageId);
          setTimeout(() => {
            holding.delete(messageId);
            received.push({ messageId, to, unanswered: closedSessions.has(session.id) });
            callback(null, "Queued");
          }, answerDelayMs);
        });
      },
    });

  const listen = async () => {
    const next = make();
    next.on("error", () => {});
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      next.server.once("error", reject);
      next.listen(port, "127.0.0.1", () => resolve(next.server.address() as AddressInfo));
    });
    port = address.port;
    server = next;
  };
  const close = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  const smtp: CountingSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    holding: () => [...holding],
    setAnswerDelay: (ms) => {
      answerDelayMs = ms;
    },
    pause: close,
    resume: listen,
    stop: close,
  };
  return smtp;
}

/** How many copies of each Message-ID arrived. */
export function copiesById(received: readonly ReceivedCopy[]): Map<string, number> {
  const copies = new Map<string, number>();
  for (const copy of received) copies.set(copy.messageId, (copies.get(copy.messageId) ?? 0) + 1);
  return copies;
}
