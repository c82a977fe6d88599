/**
 * An issued invoice is paid: in one transaction the invoice is marked paid and each booking of
 * its examination charges moves report_generated → payment_received through the progress state
 * machine (its progress row and audit row, like the manual button). Cancellation and no-show
 * charges have no report to be paid for, so their bookings stay where they are.
 *
 * A booking that is not at report_generated is not forced: already paid (the manual button was
 * used) counts as done; one at any other stage (a correction moved it back), or closed or
 * archived, is left as it is and named in the result and the audit row, for an admin to look
 * at — the money was received either way, so the invoice is still marked paid.
 */
import { and, asc, eq } from "drizzle-orm";
import { bookings, invoiceLines, invoices } from "@/db/schema";
import type { BookingStatus, ProgressStage } from "@/db/schema/enums";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import type { ActionContext } from "@/lib/actions/define-action";
import { changeProgress, type ProgressSideEffect } from "@/lib/bookings/progress";

/** Payment changes only the portal's record; nothing here touches Acuity. */
const noAcuityChange: ProgressSideEffect = (kind) =>
  Promise.reject(new Error(`marking an invoice paid does not ${kind} appointments in Acuity`));

export interface MarkPaidResult {
  invoiceId: string;
  moved: string[];
  alreadyPaid: string[];
  notMoved: { bookingId: string; stage: ProgressStage; status: BookingStatus }[];
}

export async function markInvoicePaid(
  { tx, actor, auditContext, audit }: Pick<ActionContext, "tx" | "actor" | "auditContext" | "audit">,
  input: { invoiceId: string },
  now = new Date(),
): Promise<MarkPaidResult> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for("update");
  if (!invoice) throw new NotFoundError("That invoice");
  if (invoice.state !== "issued")
    throw new ConflictError(
      invoice.state === "draft"
        ? "Issue the invoice before marking it paid."
        : `This invoice is ${invoice.state}.`,
    );

  const examinations = await tx
    .selectDistinct({
      bookingId: invoiceLines.bookingId,
      stage: bookings.currentProgress,
      status: bookings.status,
    })
    .from(invoiceLines)
    .innerJoin(bookings, eq(bookings.id, invoiceLines.bookingId))
    .where(and(eq(invoiceLines.invoiceId, invoice.id), eq(invoiceLines.kind, "examination")))
    // One order for every payer: two transactions lock the same bookings in the same order.
    .orderBy(asc(invoiceLines.bookingId));

  const result: MarkPaidResult = { invoiceId: invoice.id, moved: [], alreadyPaid: [], notMoved: [] };
  for (const { bookingId, stage, status } of examinations) {
    if (stage === "payment_received") {
      result.alreadyPaid.push(bookingId);
      continue;
    }
    // A closed or archived booking takes no stage change but an admin's correction.
    if (stage !== "report_generated" || status !== "active") {
      result.notMoved.push({ bookingId, stage, status });
      continue;
    }
    await changeProgress(
      tx,
      { actor, auditContext },
      {
        bookingId,
        expectedFrom: "report_generated",
        to: "payment_received",
        note: `Invoice ${invoice.number ?? invoice.id} paid`,
      },
      noAcuityChange,
      now,
    );
    result.moved.push(bookingId);
  }

  await tx
    .update(invoices)
    .set({ state: "paid", paidAt: now, paidById: actor.userId, updatedAt: now })
    .where(eq(invoices.id, invoice.id));
  await audit({
    action: "invoice.paid",
    resourceType: "invoice",
    resourceId: invoice.id,
    metadata: {
      number: invoice.number,
      movedBookings: result.moved,
      alreadyPaidBookings: result.alreadyPaid,
      notMovedBookings: result.notMoved,
    },
  });
  return result;
}
