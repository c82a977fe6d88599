/**
 * The SMTP transport: nodemailer, pooled, one per process (and per SMTP_URL — the URL is read on
 * every send, so a test or a command that points it elsewhere gets a new pool).
 *
 *   SMTP_URL=smtp://host:587            plain SMTP; nodemailer upgrades with STARTTLS when offered
 *   SMTP_URL=smtp://user:pass@host:587  credentials: STARTTLS is required, never sent in the clear
 *   SMTP_URL=smtps://user:pass@host:465 TLS from the first byte
 */
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { config } from "@/lib/config";
import { log, LOG_EVENTS } from "@/lib/log";

type Holder = { url?: string; transport?: Transporter<SMTPPool.SentMessageInfo>; warned?: boolean };
// One pool per process, like the database pool (Next dev reloads modules).
const holder = ((globalThis as Record<string, unknown>).__imePortalSmtp ??= {}) as Holder;

/** Thrown when there is nowhere to send: the row stays queued, retried, and fails with this sentence. */
export class SmtpNotConfiguredError extends Error {
  constructor() {
    super("SMTP_URL is not set: there is no mail server to send to");
    this.name = "SmtpNotConfiguredError";
  }
}

/** nodemailer options from an `smtp://` or `smtps://` URL (credentials URL-decoded). */
export function transportOptions(smtpUrl: string): SMTPPool.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  return {
    pool: true,
    maxConnections: 3,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    // Credentials never cross the wire unencrypted: a server that does not offer STARTTLS is refused.
    requireTLS: !secure && user !== "",
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    // A server that does not answer fails the attempt in seconds; the job engine retries it.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

function transport(): Transporter<SMTPPool.SentMessageInfo> {
  const url = config().SMTP_URL;
  if (!url) {
    if (!holder.warned) {
      holder.warned = true;
      log.warn(
        { event: LOG_EVENTS.emailNotConfigured },
        "SMTP_URL is not set: e-mails stay queued in the outbox and fail after their retries",
      );
    }
    throw new SmtpNotConfiguredError();
  }
  if (holder.transport && holder.url === url) return holder.transport;
  holder.transport?.close();
  holder.transport = nodemailer.createTransport(transportOptions(url));
  holder.url = url;
  return holder.transport;
}

/** The domain of SMTP_FROM's address, else the portal's host: the right-hand side of our Message-IDs. */
export function messageIdDomain(): string {
  const { SMTP_FROM, BETTER_AUTH_URL } = config();
  const fromDomain = /@([^>\s]+)>?\s*$/.exec(SMTP_FROM)?.[1];
  return fromDomain ?? new URL(BETTER_AUTH_URL).hostname;
}

/** Our Message-ID of an outbox row: the same on every attempt, so a retry is recognisably the same message. */
export function messageIdOf(outboxId: string): string {
  return `<${outboxId}@${messageIdDomain()}>`;
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Extra headers (the portal's e-mail kind, for filters and the local mailbox). */
  headers?: Record<string, string>;
  /** An iCalendar object (the `ics` text): sent as the text/calendar alternative and as a `.ics` attachment. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string; filename: string };
  /** Files attached as they are (an invoice's PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Sends one message over SMTP; rejects with the server's or the connection's error. */
export async function sendMessage(message: OutgoingMessage): Promise<void> {
  const options: SendMailOptions = {
    from: config().SMTP_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: message.headers,
    // nodemailer sends it as invitations are sent: the text/calendar alternative (what Outlook
    // and Gmail act on) and the same .ics as an application/ics attachment (what others open).
    ...(message.calendar
      ? {
          icalEvent: {
            method: message.calendar.method,
            filename: message.calendar.filename,
            content: message.calendar.content,
          },
        }
      : {}),
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
  };
  await transport().sendMail(options);
}

/** Closes the pool (tests, shutdown); the next send opens a new one. */
export function closeTransport(): void {
  holder.transport?.close();
  holder.transport = undefined;
  holder.url = undefined;
}
