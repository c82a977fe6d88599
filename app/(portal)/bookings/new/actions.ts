"use server";
import { defineAction } from "@/lib/actions/define-action";
import { createBookingDefinition } from "@/lib/bookings/booking-actions";

export const createBookingAction = defineAction(createBookingDefinition);
