import { and, asc, eq, like } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { billingContacts, members, users } from "@/db/schema";

export interface BillingRecipient {
  email: string;
  userId: string | null;
  name: string | null;
}

/**
 * Who an organization's invoices go to: its owners (by their accounts) and the billing
 * contacts its owners or an admin named (accounts payable), each address once. Banned owners
 * are left out: their account is closed to them.
 */
export async function billingRecipients(db: DbOrTx, organizationId: string): Promise<BillingRecipient[]> {
  const owners = await db
    .select({ email: users.email, userId: users.id, name: users.name, banned: users.banned })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    // better-auth may store several roles ("owner,admin"): the strongest one counts.
    .where(and(eq(members.organizationId, organizationId), like(members.role, "%owner%")))
    .orderBy(asc(users.email));
  const contacts = await db
    .select({ email: billingContacts.email, name: billingContacts.name })
    .from(billingContacts)
    .where(eq(billingContacts.organizationId, organizationId))
    .orderBy(asc(billingContacts.email));
  const byAddress = new Map<string, BillingRecipient>();
  for (const owner of owners) {
    if (owner.banned) continue;
    byAddress.set(owner.email.toLowerCase(), { email: owner.email, userId: owner.userId, name: owner.name });
  }
  for (const contact of contacts) {
    const key = contact.email.toLowerCase();
    if (!byAddress.has(key)) byAddress.set(key, { email: contact.email, userId: null, name: contact.name });
  }
  return [...byAddress.values()];
}
