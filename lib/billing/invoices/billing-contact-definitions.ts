/**
 * An organization's billing contacts: the further addresses its invoices are e-mailed to,
 * besides its owners. Managed by its owners and admins (Invoices in the portal) and by platform
 * admins; an organization outside the actor's rights is "not found".
 */
import { and, eq } from "drizzle-orm";
import { billingContacts } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { canManageBillingContacts, canManageSomeBillingContacts } from "@/lib/authz/policy";
import { billingContactSchema, removeBillingContactSchema } from "./schemas";

export const MAX_BILLING_CONTACTS = 20;

export const addBillingContactDefinition: ActionDefinition<
  typeof billingContactSchema,
  { contactId: string },
  true
> = {
  input: billingContactSchema,
  form: true,
  authorize: canManageSomeBillingContacts,
  run: async ({ tx, actor, audit }, input) => {
    if (!canManageBillingContacts(actor, input.organizationId)) throw new NotFoundError("That organization");
    const count = await tx.$count(billingContacts, eq(billingContacts.organizationId, input.organizationId));
    if (count >= MAX_BILLING_CONTACTS)
      throw new ConflictError(`An organization has at most ${MAX_BILLING_CONTACTS} billing contacts.`);
    const [row] = await tx
      .insert(billingContacts)
      .values({
        organizationId: input.organizationId,
        email: input.email,
        name: input.name,
        addedById: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: billingContacts.id });
    if (!row) throw new ConflictError("That address is already a billing contact of this organization.");
    await audit({
      action: "billing_contact.added",
      resourceType: "billing_contact",
      resourceId: row.id,
      metadata: { organizationId: input.organizationId, email: input.email },
    });
    return { contactId: row.id };
  },
};

export const removeBillingContactDefinition: ActionDefinition<
  typeof removeBillingContactSchema,
  { contactId: string },
  true
> = {
  input: removeBillingContactSchema,
  form: true,
  authorize: canManageSomeBillingContacts,
  run: async ({ tx, actor, audit }, input) => {
    if (!canManageBillingContacts(actor, input.organizationId)) throw new NotFoundError("That organization");
    const [row] = await tx
      .delete(billingContacts)
      .where(
        and(
          eq(billingContacts.id, input.contactId),
          eq(billingContacts.organizationId, input.organizationId),
        ),
      )
      .returning({ id: billingContacts.id, email: billingContacts.email });
    if (!row) throw new NotFoundError("That billing contact");
    await audit({
      action: "billing_contact.removed",
      resourceType: "billing_contact",
      resourceId: row.id,
      metadata: { organizationId: input.organizationId, email: row.email },
    });
    return { contactId: row.id };
  },
};
