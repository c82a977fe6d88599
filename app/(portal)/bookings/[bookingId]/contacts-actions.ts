"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  addBookingContactDefinition,
  removeBookingContactDefinition,
} from "@/lib/notifications/contact-definitions";

/** The booking's report recipients: who else receives its notices by e-mail. */
export const addBookingContactAction = defineAction(addBookingContactDefinition);
export const removeBookingContactAction = defineAction(removeBookingContactDefinition);
