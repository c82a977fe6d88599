import { getCurrentActor } from "@/lib/auth/current-session";
import { handleMailboxAttachment } from "@/lib/email/mailbox-attachment-handler";

export async function GET(_request: Request, context: { params: Promise<{ id: string; index: string }> }) {
  return handleMailboxAttachment(await context.params, getCurrentActor);
}
