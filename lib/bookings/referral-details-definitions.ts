/**
 * The booking page's "Edit referral details": claim number, date of injury, report type and the
 * case manager's reference, changed in place by whoever may change the booking
 * (canEditReferralDetails). Audited with each changed field's before and after — these are the
 * referral's file numbers, not the examinee's personal data — and never logged.
 */
import { eq } from "drizzle-orm";
import { bookings } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import {
  canEditReferralDetails,
  canEditSomeReferralDetails,
  canViewBooking,
  isBookingArchived,
} from "@/lib/authz/policy";
import { ARCHIVED_MESSAGE } from "./progress/messages";
import {
  changedReferralFields,
  editReferralDetailsSchema,
  type ReferralDetails,
  type ReferralField,
} from "./referral-details";

export const editReferralDetailsDefinition: ActionDefinition<
  typeof editReferralDetailsSchema,
  { bookingId: string; changed: ReferralField[] }
> = {
  input: editReferralDetailsSchema,
  authorize: canEditSomeReferralDetails,
  run: async ({ tx, actor, audit }, input) => {
    // Locked, so two people saving at once each audit the change they really made.
    const [booking] = await tx
      .select({
        id: bookings.id,
        organizationId: bookings.organizationId,
        teamId: bookings.teamId,
        specialistId: bookings.specialistId,
        createdById: bookings.createdById,
        createdForId: bookings.createdForId,
        status: bookings.status,
        claimNumber: bookings.claimNumber,
        dateOfInjury: bookings.dateOfInjury,
        reportType: bookings.reportType,
        caseManagerReference: bookings.caseManagerReference,
      })
      .from(bookings)
      .where(eq(bookings.id, input.bookingId))
      .for("update");
    if (!booking || !canViewBooking(actor, booking)) throw new NotFoundError("That booking");
    if (isBookingArchived(booking)) throw new UserFacingError("conflict", ARCHIVED_MESSAGE);
    if (!canEditReferralDetails(actor, booking))
      throw new UserFacingError(
        "forbidden",
        "Only the referrer's side can change a booking's referral details.",
      );

    const after: ReferralDetails = {
      claimNumber: input.claimNumber,
      dateOfInjury: input.dateOfInjury,
      reportType: input.reportType,
      caseManagerReference: input.caseManagerReference,
    };
    const changes = changedReferralFields(booking, after);
    const changed = Object.keys(changes) as ReferralField[];
    // Saving the form unchanged is not an event: nothing written, nothing audited.
    if (changed.length === 0) return { bookingId: booking.id, changed };

    await tx.update(bookings).set(after).where(eq(bookings.id, booking.id));
    await audit({
      action: "booking.referral_details_changed",
      resourceType: "booking",
      resourceId: booking.id,
      metadata: { changes },
    });
    return { bookingId: booking.id, changed };
  },
};
