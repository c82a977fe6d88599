"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  addOrganizationContactDefinition,
  removeOrganizationContactDefinition,
} from "@/lib/notifications/contact-definitions";

/** An organization's default report recipients, copied onto each of its new bookings. */
export const addOrganizationContactAction = defineAction(addOrganizationContactDefinition);
export const removeOrganizationContactAction = defineAction(removeOrganizationContactDefinition);
