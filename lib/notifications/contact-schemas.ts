/**
 * The report recipient forms (a booking's, an organization's defaults). Plain zod and limits, no
 * database import, so the client form can share the bounds.
 */
import { z } from "zod";
import { atMost, emailField, LIMITS, recordIdField } from "@/lib/validation/limits";

const contactEmail = emailField("Enter a valid e-mail address");
/** Optional: how the messages greet them ("Dear Sam Solicitor"); empty means no name. */
const contactName = z
  .string()
  .trim()
  .max(LIMITS.personName, atMost(LIMITS.personName))
  .optional()
  .transform((value) => value || null);

export const addBookingContactSchema = z.object({
  bookingId: recordIdField(),
  email: contactEmail,
  name: contactName,
});
export const removeBookingContactSchema = z.object({
  bookingId: recordIdField(),
  contactId: recordIdField(),
});

export const addOrganizationContactSchema = z.object({
  organizationId: recordIdField(),
  email: contactEmail,
  name: contactName,
});
export const removeOrganizationContactSchema = z.object({
  organizationId: recordIdField(),
  contactId: recordIdField(),
});

/** The field error for an address a list already has: the same words on both lists. */
export const alreadyListedMessage = (email: string, whose: "booking" | "organization") =>
  whose === "booking"
    ? `${email} already receives this booking's notifications.`
    : `${email} already receives the notifications of this organization's new bookings.`;
