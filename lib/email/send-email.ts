import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { config } from "@/lib/config";
import { sendSmtpMail } from "./smtp-client";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/**
 * Every e-mail goes to the outbox table first — admins read it in the portal, and it is the
 * record of what was sent. With SMTP_URL set it is also delivered, after `db` commits
 * (call `deliverOutboxEmail` then); without it, nothing leaves the machine.
 */
export async function enqueueEmail(db: DbOrTx, email: OutgoingEmail): Promise<string> {
  const [row] = await db
    .insert(outboxEmails)
    .values({
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? null,
    })
    .returning({ id: outboxEmails.id });
  if (!row) throw new Error("outbox insert returned no row");
  return row.id;
}

/** Delivers one outbox row over SMTP when configured; records sent_at or the error. Never throws. */
export async function deliverOutboxEmail(id: string): Promise<"sent" | "kept" | "failed"> {
  const { SMTP_URL, SMTP_FROM } = config();
  if (!SMTP_URL) return "kept";
  const db = getDb();
  const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id));
  if (!row || row.sentAt) return "kept";
  try {
    await sendSmtpMail(SMTP_URL, {
      from: SMTP_FROM,
      to: row.toAddress,
      subject: row.subject ?? "",
      text: row.textBody ?? "",
      html: row.htmlBody,
    });
    await db.update(outboxEmails).set({ sentAt: new Date(), error: null }).where(eq(outboxEmails.id, id));
    return "sent";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(outboxEmails)
      .set({ error: message.slice(0, 1000) })
      .where(eq(outboxEmails.id, id));
    return "failed";
  }
}
