import type { DbOrTx } from "@/db/client";
import { invitationAcceptUrl, invitationEmail } from "./invitation-email";
import { deliverOutboxEmail, enqueueEmail } from "./send-email";

export interface InvitationMailFacts {
  invitationId: string;
  email: string;
  role: string;
  organizationName: string;
  inviterName: string;
  expiresAt: Date;
}

/** Writes the invitation e-mail to the outbox and, with SMTP configured, delivers it. */
export async function sendInvitationEmail(
  db: DbOrTx,
  baseUrl: string,
  facts: InvitationMailFacts,
): Promise<string> {
  const id = await enqueueEmail(
    db,
    invitationEmail({
      to: facts.email,
      organizationName: facts.organizationName,
      inviterName: facts.inviterName,
      role: facts.role,
      acceptUrl: invitationAcceptUrl(baseUrl, facts.invitationId),
      expiresAt: facts.expiresAt,
    }),
  );
  await deliverOutboxEmail(id);
  return id;
}
