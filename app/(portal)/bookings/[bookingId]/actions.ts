"use server";
import { defineAction } from "@/lib/actions/define-action";
import { cancelBookingDefinition, rescheduleBookingDefinition } from "@/lib/bookings/booking-actions";

export const rescheduleBookingAction = defineAction(rescheduleBookingDefinition);
export const cancelBookingAction = defineAction(cancelBookingDefinition);
