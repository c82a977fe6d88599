"use server";
import { defineAction } from "@/lib/actions/define-action";
import { editReferralDetailsDefinition } from "@/lib/bookings/referral-details-definitions";

/** The booking's referral details (claim number, date of injury, report type, reference), edited in place. */
export const editReferralDetailsAction = defineAction(editReferralDetailsDefinition);
