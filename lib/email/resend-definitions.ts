import { eq } from "drizzle-orm";
import { z } from "zod";
import { outboxEmails } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { UNRESENDABLE_KINDS } from "./list-outbox";
import { queueEmail } from "./queue-email";

export const resendEmailSchema = z.object({ outboxId: z.string().trim().min(1).max(255) });

/**
 * Admin → Outbox, "Send again": queues a new outbox row with the same kind, recipient, booking,
 * event and payload (resent_from_id pointing back), delivered like any other. The new row is
 * rendered when it is sent, so it shows the booking as it is now. A password reset is never
 * resent: its link is a credential, and the person can ask for a new one.
 */
export const resendEmailDefinition = adminAction({
  input: resendEmailSchema,
  run: async ({ tx, audit }, input) => {
    const [row] = await tx.select().from(outboxEmails).where(eq(outboxEmails.id, input.outboxId));
    if (!row) throw new NotFoundError("That e-mail");
    if (UNRESENDABLE_KINDS.includes(row.kind)) {
      throw new UserFacingError(
        "forbidden",
        "A password reset e-mail is never sent again: its link is a credential. The person can ask for a new link on the sign-in page.",
      );
    }
    if (row.status === "queued") {
      throw new UserFacingError(
        "conflict",
        "This e-mail is still queued: it is being sent. Wait for its outcome.",
      );
    }
    const outboxId = await queueEmail(tx, {
      kind: row.kind,
      toAddress: row.toAddress,
      recipientUserId: row.recipientUserId,
      bookingId: row.bookingId,
      eventId: row.eventId,
      payload: row.payload,
      resentFromId: row.id,
    });
    await audit({
      action: "email.resent",
      resourceType: "outbox_email",
      resourceId: row.id,
      metadata: {
        newOutboxId: outboxId,
        kind: row.kind,
        toAddress: row.toAddress,
        bookingId: row.bookingId,
        previousStatus: row.status,
      },
    });
    return { outboxId };
  },
});
