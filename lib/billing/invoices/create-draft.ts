import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bookings, charges, invoiceLines, invoices, organizations } from "@/db/schema";
import { ConflictError, NotFoundError, UserFacingError } from "@/lib/actions/errors";
import type { AuditEntry } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/actor";
import { billingSettings } from "./billing-settings";
import { taxOf } from "./format-amount";
import type { CreateDraftInput } from "./schemas";

export interface DraftContext {
  tx: Tx;
  actor: Actor;
  audit: (entries: AuditEntry | AuditEntry[]) => Promise<void>;
}

/** Postgres's unique_violation on the "one live invoice per charge" index. */
function isLiveChargeConflict(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const pg = cause as { code?: unknown; constraint?: unknown };
    if (pg.code === "23505" && pg.constraint === "uq_invoice_lines_live_charge") return true;
  }
  return false;
}

/**
 * A draft invoice of an organization's unbilled charges: not waived, not on a live invoice,
 * and either of the period (their event's day in BILLING_TIME_ZONE, inclusive) or of one
 * booking. Amounts are copied onto the lines; tax is rounded per line. A charge another draft
 * took meanwhile trips the partial unique index, and this draft is refused as stale.
 */
export async function createInvoiceDraft(
  { tx, actor, audit }: DraftContext,
  input: CreateDraftInput,
): Promise<{ invoiceId: string; lines: number }> {
  const [organization] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  if (!organization) throw new NotFoundError("That organization");

  const zone = billingSettings().timeZone;
  const scope = input.bookingId
    ? eq(charges.bookingId, input.bookingId)
    : sql`${charges.occurredAt} >= (${input.periodStart}::date)::timestamp AT TIME ZONE ${zone}
        AND ${charges.occurredAt} < (${input.periodEnd}::date + 1)::timestamp AT TIME ZONE ${zone}`;
  if (input.bookingId) {
    const [booking] = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.id, input.bookingId), eq(bookings.organizationId, input.organizationId)));
    if (!booking)
      throw new UserFacingError("invalid_input", "That booking is not one of this organization's.", {
        bookingId: ["Not a booking of this organization."],
      });
  }
  const unbilled = await tx
    .select()
    .from(charges)
    .where(
      and(
        eq(charges.organizationId, input.organizationId),
        isNull(charges.waivedAt),
        scope,
        // Written out: drizzle would render the outer column bare inside the subquery (TRAPS.md).
        sql`NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.charge_id = "charges"."id" AND l.live)`,
      ),
    )
    .orderBy(asc(charges.occurredAt), asc(charges.id));

  const currencies = [...new Set(unbilled.map((charge) => charge.currency))].sort();
  const currency = input.currency ?? (currencies.length === 1 ? currencies[0] : undefined);
  if (!currency) {
    throw new UserFacingError(
      "invalid_input",
      currencies.length === 0
        ? "There are no unbilled charges for this organization in that period."
        : `The unbilled charges are in several currencies (${currencies.join(", ")}): issue one invoice per currency.`,
      currencies.length === 0
        ? { periodStart: ["No unbilled charges in this period."] }
        : { currency: [`Choose one of ${currencies.join(", ")}.`] },
    );
  }
  const chosen = unbilled.filter((charge) => charge.currency === currency);
  if (chosen.length === 0)
    throw new UserFacingError(
      "invalid_input",
      `There are no unbilled charges in ${currency} in that period.`,
      {
        currency: [`No unbilled charges in ${currency}.`],
      },
    );

  const lines = chosen.map((charge) => ({
    chargeId: charge.id,
    bookingId: charge.bookingId,
    kind: charge.kind,
    description: charge.description,
    occurredAt: charge.occurredAt,
    amountMinor: charge.amountMinor,
    taxRateBasisPoints: charge.taxRateBasisPoints,
    taxMinor: taxOf(charge.amountMinor, charge.taxRateBasisPoints),
  }));
  const subtotalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0);

  const [invoice] = await tx
    .insert(invoices)
    .values({
      organizationId: input.organizationId,
      state: "draft",
      periodStart: input.bookingId ? null : input.periodStart,
      periodEnd: input.bookingId ? null : input.periodEnd,
      bookingId: input.bookingId ?? null,
      currency,
      subtotalMinor,
      taxMinor,
      totalMinor: subtotalMinor + taxMinor,
      createdById: actor.userId,
    })
    .returning({ id: invoices.id });
  if (!invoice) throw new Error("invoice insert returned no row");
  try {
    await tx.insert(invoiceLines).values(lines.map((line) => ({ ...line, invoiceId: invoice.id })));
  } catch (error) {
    if (isLiveChargeConflict(error))
      throw new ConflictError("Another invoice took some of these charges meanwhile — reload and try again.");
    throw error;
  }
  await audit({
    action: "invoice.drafted",
    resourceType: "invoice",
    resourceId: invoice.id,
    metadata: {
      organizationId: input.organizationId,
      periodStart: input.bookingId ? null : input.periodStart,
      periodEnd: input.bookingId ? null : input.periodEnd,
      bookingId: input.bookingId ?? null,
      lines: lines.length,
      currency,
      totalMinor: subtotalMinor + taxMinor,
    },
  });
  return { invoiceId: invoice.id, lines: lines.length };
}
