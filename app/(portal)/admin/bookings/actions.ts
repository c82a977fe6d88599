"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  correctStageDefinition,
  markPaymentReceivedDefinition,
  moveBookingDefinition,
  setBookingStatusDefinition,
} from "@/lib/admin/bookings/booking-definitions";

export const setBookingStatusAction = defineAction(setBookingStatusDefinition);
export const markPaymentReceivedAction = defineAction(markPaymentReceivedDefinition);
export const correctStageAction = defineAction(correctStageDefinition);
export const moveBookingAction = defineAction(moveBookingDefinition);
