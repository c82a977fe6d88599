/**
 * A local SMTP server for development and tests, like the local S3 and the Acuity emulator: it
 * really receives every message over SMTP (no auth, no TLS, 127.0.0.1 only) and keeps each one,
 * raw, as an `.eml` file in the mailbox folder — which Admin → Outbox and the tests read back
 * (lib/email/local-mailbox.ts).
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { mailboxFileName } from "@/lib/email/local-mailbox";

export interface LocalSmtpOptions {
  /** 0 picks a free port. */
  port: number;
  mailboxDir: string;
}

export interface LocalSmtp {
  /** What SMTP_URL should be. */
  url: string;
  port: number;
  mailboxDir: string;
  /**
   * While on, every recipient is refused with a temporary failure (451), as a real server does
   * when it is overloaded — for tests of retries.
   */
  setRefusing: (refusing: boolean) => void;
  stop: () => Promise<void>;
}

/** Big enough for any e-mail the portal sends; a bigger one is refused (552), not truncated. */
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Tmp file + rename: a reader never sees half a message. */
async function storeMessage(mailboxDir: string, raw: Buffer): Promise<string> {
  const name = mailboxFileName();
  const tmp = path.join(mailboxDir, `.${name}.tmp`);
  await writeFile(tmp, raw);
  await rename(tmp, path.join(mailboxDir, name));
  return name;
}

export async function startLocalSmtp(options: LocalSmtpOptions): Promise<LocalSmtp> {
  const mailboxDir = path.resolve(options.mailboxDir);
  await mkdir(mailboxDir, { recursive: true });
  let refusing = false;

  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP only: offering STARTTLS would need a certificate the clients then distrust.
    disabledCommands: ["STARTTLS", "AUTH"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: "IME Portal local SMTP",
    // A pooled client keeps idle connections open; stop() should not wait long for them.
    closeTimeout: 500,
    onRcptTo(_address, _session, callback) {
      callback(refusing ? smtpError("Mailbox busy, try again later (local SMTP refusing)", 451) : null);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(smtpError("Message too big for the local SMTP server", 552));
          return;
        }
        storeMessage(mailboxDir, Buffer.concat(chunks)).then(
          (name) => callback(null, `Stored as ${name}`),
          (error: unknown) => callback(smtpError(`Could not store the message: ${String(error)}`, 451)),
        );
      });
    },
  });
  // An aborted client connection is an error event on the server; it must not crash the process.
  server.on("error", () => {});

  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve(server.server.address() as AddressInfo));
  });

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    mailboxDir,
    setRefusing: (value) => {
      refusing = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
