import { eq, inArray } from "drizzle-orm";
import { bookings, organizations, teams } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { canMoveBooking } from "@/lib/authz/policy";
import { ARCHIVED_MESSAGE, changeProgress, type ProgressSideEffect } from "@/lib/bookings/progress";
import { changeBookingStatus } from "./change-status";
import {
  correctStageSchema,
  markPaymentReceivedSchema,
  moveBookingSchema,
  setBookingStatusSchema,
} from "./schemas";

/** Payment and corrections change only the portal's record; nothing here touches Acuity. */
const noAcuityChange: ProgressSideEffect = (kind) =>
  Promise.reject(new Error(`the admin booking console does not ${kind} appointments in Acuity`));

export const setBookingStatusDefinition = adminAction({
  input: setBookingStatusSchema,
  run: ({ tx, actor, auditContext }, input) => changeBookingStatus(tx, { actor, auditContext }, input),
});

/** Marks payment received on each selected booking through the progress state machine (report_generated → payment_received). */
export const markPaymentReceivedDefinition = adminAction({
  input: markPaymentReceivedSchema,
  run: async ({ tx, actor, auditContext }, input) => {
    const ids = [...new Set(input.bookingIds)].sort();
    const rows = await tx
      .select({ id: bookings.id, progress: bookings.currentProgress })
      .from(bookings)
      .where(inArray(bookings.id, ids));
    if (rows.length !== ids.length) throw new NotFoundError("One of the selected bookings");
    for (const row of rows) {
      if (row.progress === "payment_received") continue;
      await changeProgress(
        tx,
        { actor, auditContext },
        { bookingId: row.id, expectedFrom: row.progress, to: "payment_received" },
        noAcuityChange,
      );
    }
    return { bookingIds: ids };
  },
});

/** An admin correction of the stage (any stage, with a note), recorded as a correction. */
export const correctStageDefinition = adminAction({
  input: correctStageSchema,
  form: true,
  run: ({ tx, actor, auditContext }, input) =>
    changeProgress(tx, { actor, auditContext }, { ...input, asCorrection: true }, noAcuityChange),
});

/**
 * Moves a booking to another organization and/or team — how bookings that Acuity sent without
 * a resolvable organization leave the triage organization.
 */
export const moveBookingDefinition = adminAction({
  input: moveBookingSchema,
  form: true,
  run: async ({ tx, actor, audit }, input) => {
    const [booking] = await tx
      .select({
        id: bookings.id,
        organizationId: bookings.organizationId,
        teamId: bookings.teamId,
        status: bookings.status,
      })
      .from(bookings)
      .where(eq(bookings.id, input.bookingId))
      .for("update");
    if (!booking) throw new NotFoundError("That booking");
    if (!canMoveBooking(actor, booking)) throw new UserFacingError("conflict", ARCHIVED_MESSAGE);
    const [organization] = await tx
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId));
    if (!organization)
      throw new UserFacingError("invalid_input", "That organization no longer exists.", {
        organizationId: ["Not found"],
      });
    if (input.teamId) {
      const [team] = await tx
        .select({ organizationId: teams.organizationId })
        .from(teams)
        .where(eq(teams.id, input.teamId));
      if (team?.organizationId !== organization.id)
        throw new UserFacingError("invalid_input", `That team is not part of ${organization.name}.`, {
          teamId: ["Not in this organization"],
        });
    }
    if (booking.organizationId === organization.id && booking.teamId === input.teamId)
      return { bookingId: booking.id };
    await tx
      .update(bookings)
      .set({ organizationId: organization.id, teamId: input.teamId, updatedAt: new Date() })
      .where(eq(bookings.id, booking.id));
    await audit({
      action: "booking.moved",
      resourceType: "booking",
      resourceId: booking.id,
      metadata: {
        from: { organizationId: booking.organizationId, teamId: booking.teamId },
        to: { organizationId: organization.id, teamId: input.teamId },
      },
    });
    return { bookingId: booking.id };
  },
});
