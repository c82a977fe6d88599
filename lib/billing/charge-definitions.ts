import { and, eq, inArray } from "drizzle-orm";
import { charges, invoiceLines, invoices } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { canViewCharges, canWaiveCharge } from "@/lib/authz/policy";
import { waiveChargeSchema } from "./schemas";

/**
 * Waives a charge with a reason: it stays on record (and in the audit trail) but is no longer
 * owed, so invoicing leaves it out. Waiving twice is refused rather than overwriting the reason.
 */
export const waiveChargeDefinition: ActionDefinition<typeof waiveChargeSchema, { chargeId: string }, true> = {
  input: waiveChargeSchema,
  authorize: canWaiveCharge,
  form: true,
  run: async ({ tx, actor, audit }, input) => {
    const [charge] = await tx.select().from(charges).where(eq(charges.id, input.chargeId)).for("update");
    if (!charge || !canViewCharges(actor, charge.organizationId)) throw new NotFoundError("That charge");
    if (charge.waivedAt) throw new ConflictError("This charge is already waived.");
    // Billed already: the invoice stands as sent; voiding it (a credit note) frees the charge first.
    const [billed] = await tx
      .select({ state: invoices.state })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(
        and(
          eq(invoiceLines.chargeId, charge.id),
          eq(invoiceLines.live, true),
          inArray(invoices.state, ["issued", "paid"]),
        ),
      );
    if (billed)
      throw new ConflictError(
        `This charge is on ${billed.state === "paid" ? "a paid" : "an issued"} invoice; void that invoice first (it issues a credit note), then waive.`,
      );
    await tx
      .update(charges)
      .set({ waivedAt: new Date(), waivedById: actor.userId, waiveReason: input.reason })
      .where(eq(charges.id, charge.id));
    await audit({
      action: "charge.waived",
      resourceType: "charge",
      resourceId: charge.id,
      metadata: {
        bookingId: charge.bookingId,
        kind: charge.kind,
        amountMinor: charge.amountMinor,
        currency: charge.currency,
        reason: input.reason,
      },
    });
    return { chargeId: charge.id };
  },
};
