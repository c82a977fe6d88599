/**
 * The email.send job: render one outbox row and send it over SMTP, recording the outcome on the row.
 *
 * - A `sent` row is never sent again, so a job that comes back (its worker died after the row
 *   said sent) does nothing. A worker that dies between the SMTP server's "250 OK" and that
 *   update sends the message once more on retry — with the same Message-ID, which lets mail
 *   clients and the local mailbox see it is the same message. Delivery is at least once.
 * - A failed attempt counts on the row (attempts, the server's or the connection's error, never
 *   SQL) and is thrown, so the job engine retries it with backoff (EMAIL_RETRY_LIMIT,
 *   EMAIL_RETRY_DELAY_SECONDS). The last attempt marks the row `failed` and tells the admins
 *   (an attention event in the same transaction); an admin may then resend it from Admin → Outbox.
 * - A row that cannot be rendered (its booking deleted, a malformed payload) fails at once:
 *   retrying would not change it.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { log, LOG_EVENTS } from "@/lib/log";
import { EMAIL_KINDS } from "@/lib/notifications/kinds";
import { recordAttentionNeeded } from "@/lib/notifications/attention";
import { MissingBookingError } from "./compose-email";
import { loadEmailInput } from "./load-email-input";
import { renderEmail, type RenderedEmail } from "./render-email";
import { messageIdOf, sendMessage, SmtpNotConfiguredError } from "./transport";
import { readInvoicePdf } from "@/lib/billing/invoices/invoice-pdf-store";

type OutboxRow = typeof outboxEmails.$inferSelect;

/** Kinds whose content is a credential: the row keeps neither the body nor, once done, the payload. */
const SECRET_KINDS = new Set<OutboxRow["kind"]>(["password_reset"]);

const MAX_ERROR_LENGTH = 500;

/** Errors whose message is safe to store and show: ours, and the SMTP server's or the connection's. */
function isExplained(error: unknown): error is Error {
  if (error instanceof SmtpNotConfiguredError || error instanceof RenderError) return true;
  if (!(error instanceof Error)) return false;
  // nodemailer's errors carry an SMTP reply code or an E-code (ECONNECTION, ETIMEDOUT, EENVELOPE, EAUTH …).
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  return typeof responseCode === "number" || (typeof code === "string" && /^E[A-Z]+$/.test(code));
}

/** What went wrong, fit to be stored and shown to an admin; anything else (a database error: SQL) is only named. */
export function deliveryErrorText(error: unknown): string {
  const text = isExplained(error)
    ? error.message
    : "an unexpected error while sending (details in the worker's log)";
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** The row cannot become a message: retrying will not help. */
export class RenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RenderError";
  }
}

async function render(row: OutboxRow): Promise<RenderedEmail> {
  try {
    return await renderEmail(await loadEmailInput(getDb(), row));
  } catch (error) {
    if (error instanceof ZodError) {
      const fields = [...new Set(error.issues.map((issue) => issue.path.join(".") || "payload"))].join(", ");
      throw new RenderError(`the ${row.kind} e-mail's payload is not valid (${fields})`);
    }
    if (error instanceof MissingBookingError) throw new RenderError(error.message);
    throw error;
  }
}

export async function deliverOutboxEmail(
  outboxId: string,
  context: { jobId: string; lastAttempt: boolean },
): Promise<void> {
  const db = getDb();
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, outboxId));
  // Gone (never committed rows have no job), or already settled: nothing to do.
  if (!row || row.status !== "queued") return;
  const messageId = row.messageId ?? messageIdOf(row.id);
  const secret = SECRET_KINDS.has(row.kind);
  try {
    const rendered = await render(row);
    await db
      .update(outboxEmails)
      .set({
        subject: rendered.subject,
        textBody: secret ? null : rendered.text,
        htmlBody: secret ? null : rendered.html,
        messageId,
      })
      .where(eq(outboxEmails.id, row.id));
    await sendMessage({
      to: row.toAddress,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      headers: { "X-IME-Portal-Kind": row.kind, "Auto-Submitted": "auto-generated" },
      ...(rendered.calendar ? { calendar: rendered.calendar } : {}),
      // Read at send time from the object store; a failed read is retried like a failed send.
      attachments: await Promise.all(
        rendered.attachments.map(async (attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: await readInvoicePdf(attachment.storageKey),
        })),
      ),
    });
  } catch (error) {
    const permanent = error instanceof RenderError;
    await recordFailure(row, error, context.lastAttempt || permanent);
    if (permanent) return;
    // A new error with the safe text only: the job engine stores and logs it.
    throw new Error(deliveryErrorText(error));
  }
  await db
    .update(outboxEmails)
    .set({
      status: "sent",
      sentAt: new Date(),
      attempts: sql`${outboxEmails.attempts} + 1`,
      error: null,
      ...(secret ? { payload: null } : {}),
    })
    .where(and(eq(outboxEmails.id, row.id), ne(outboxEmails.status, "sent")));
  log.info({ outboxId: row.id, kind: row.kind, jobId: context.jobId }, "e-mail sent");
}

async function recordFailure(row: OutboxRow, error: unknown, final: boolean): Promise<void> {
  const text = deliveryErrorText(error);
  if (!isExplained(error)) {
    // Only unexpected errors are logged whole here (the job engine logs the safe text of every failure).
    log.error(
      { outboxId: row.id, kind: row.kind, err: error },
      "an e-mail could not be rendered or recorded",
    );
  }
  await getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(outboxEmails)
      .set({
        attempts: sql`${outboxEmails.attempts} + 1`,
        error: text,
        ...(final ? { status: "failed" as const } : {}),
        ...(final && SECRET_KINDS.has(row.kind) ? { payload: null } : {}),
      })
      .where(and(eq(outboxEmails.id, row.id), eq(outboxEmails.status, "queued")))
      .returning({ attempts: outboxEmails.attempts });
    if (!final || !updated) return;
    log.error(
      {
        event: LOG_EVENTS.emailUndeliverable,
        outboxId: row.id,
        kind: row.kind,
        bookingId: row.bookingId,
        attempts: updated.attempts,
        failure: text,
      },
      "an e-mail could not be delivered; it is failed in Admin → Outbox",
    );
    const attempts = updated.attempts === 1 ? "1 attempt" : `${updated.attempts} attempts`;
    await recordAttentionNeeded(tx, {
      reason: LOG_EVENTS.emailUndeliverable,
      summary: `An e-mail (${EMAIL_KINDS[row.kind].label}) to ${row.toAddress} could not be delivered after ${attempts}.`,
      bookingId: row.bookingId,
    });
  });
}
