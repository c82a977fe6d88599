import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { billingContacts } from "@/db/schema";

export function listBillingContacts(db: DbOrTx, organizationId: string) {
  return db
    .select({ id: billingContacts.id, email: billingContacts.email, name: billingContacts.name })
    .from(billingContacts)
    .where(eq(billingContacts.organizationId, organizationId))
    .orderBy(asc(billingContacts.createdAt), asc(billingContacts.id));
}
