import type { Actor } from "@/lib/authz/actor";
import { canUseAdminConsole } from "@/lib/authz/policy";
import { config } from "@/lib/config";
import { failureResponse } from "@/lib/http/error-status";
import { readMailboxAttachment } from "./local-mailbox";

const notFound = () => failureResponse({ code: "not_found", error: "Not found." });

/** `filename="…"` for old clients (ASCII only) and `filename*` with the real name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** An unnamed part (the text/calendar alternative of an invitation) still downloads as what it is. */
const fallbackName = (contentType: string, index: string) =>
  `attachment-${index}${contentType.startsWith("text/calendar") ? ".ics" : ""}`;

/**
 * GET /api/admin/mailbox/:id/attachments/:index — an attachment of a message the local SMTP
 * server received (dev and tests; LOCAL_MAILBOX_DIR), always as a download. Anyone but an admin
 * acting as themselves, and any id or index that is not there, gets the same 404.
 */
export async function handleMailboxAttachment(
  params: { id: string; index: string },
  resolveActor: () => Promise<Actor | null>,
): Promise<Response> {
  const actor = await resolveActor();
  if (!actor || !canUseAdminConsole(actor)) return notFound();
  const dir = config().LOCAL_MAILBOX_DIR;
  if (!dir || !/^\d{1,3}$/.test(params.index)) return notFound();
  const attachment = await readMailboxAttachment(dir, params.id, Number(params.index));
  if (!attachment) return notFound();
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": contentDisposition(
        attachment.filename ?? fallbackName(attachment.contentType, params.index),
      ),
      "content-length": String(attachment.content.length),
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
