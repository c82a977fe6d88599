import { desc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { outboxEmails } from "@/db/schema";

/** The latest outbox e-mails, newest first — admin console only. */
export function listOutboxEmails(db: DbOrTx, limit = 100) {
  return db
    .select()
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(limit);
}
