import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { EMAIL_STATUSES, type EmailKind, type EmailStatus } from "@/lib/notifications/kinds";

export const OUTBOX_PAGE_SIZE = 100;

export const outboxFiltersSchema = z.object({
  status: z.enum(["all", ...EMAIL_STATUSES]).catch("all"),
  page: z.coerce.number().int().min(1).catch(1),
});
export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;

/** Kinds an admin may neither read nor resend: their content is a credential (a reset link). */
export const UNRESENDABLE_KINDS: readonly EmailKind[] = ["password_reset"];

export interface OutboxRow {
  id: string;
  createdAt: Date | null;
  kind: EmailKind;
  status: EmailStatus;
  toAddress: string;
  bookingId: string | null;
  subject: string | null;
  /** Null for kinds whose content admins do not read (password reset). */
  textBody: string | null;
  attempts: number;
  error: string | null;
  sentAt: Date | null;
  resentFromId: string | null;
  /** Whether an admin may queue it again: failed or sent, and not a password reset. */
  resendable: boolean;
}

/**
 * The sends record for Admin → Outbox, newest first, one page of a status — callers check
 * canUseAdminConsole. Counts per status feed the filter.
 */
export async function listOutbox(
  db: DbOrTx,
  filters: OutboxFilters,
): Promise<{ rows: OutboxRow[]; total: number; counts: Record<EmailStatus | "all", number> }> {
  const where = filters.status === "all" ? undefined : eq(outboxEmails.status, filters.status);
  const rows = await db
    .select({
      id: outboxEmails.id,
      createdAt: outboxEmails.createdAt,
      kind: outboxEmails.kind,
      status: outboxEmails.status,
      toAddress: outboxEmails.toAddress,
      bookingId: outboxEmails.bookingId,
      subject: outboxEmails.subject,
      textBody: outboxEmails.textBody,
      attempts: outboxEmails.attempts,
      error: outboxEmails.error,
      sentAt: outboxEmails.sentAt,
      resentFromId: outboxEmails.resentFromId,
    })
    .from(outboxEmails)
    .where(where)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((filters.page - 1) * OUTBOX_PAGE_SIZE);
  const grouped = await db
    .select({ status: outboxEmails.status, n: count() })
    .from(outboxEmails)
    .groupBy(outboxEmails.status);
  const counts = { all: 0, queued: 0, sent: 0, failed: 0 };
  for (const group of grouped) {
    counts[group.status] = group.n;
    counts.all += group.n;
  }
  return {
    rows: rows.map((row) => {
      const secret = UNRESENDABLE_KINDS.includes(row.kind);
      return {
        ...row,
        textBody: secret ? null : row.textBody,
        resendable: !secret && row.status !== "queued",
      };
    }),
    total: counts[filters.status],
    counts,
  };
}
