/**
 * What an outbox row's `payload` holds for the kinds that need more than their event and booking.
 * Queue with these shapes (`queueEmail(db, { kind, toAddress, payload })`); the worker parses
 * the payload again when it renders, so a malformed one fails with a clear error, not a blank e-mail.
 * Never examinee data: digests name bookings by their reference.
 */
import { z } from "zod";

const isoInstant = z.iso.datetime({ offset: true });

/**
 * Booking e-mails (the fan-out's): who the recipient is to the booking. All optional — a row
 * without them reads as the booker (or, without an account, a named recipient).
 */
export const bookingRecipientPayloadSchema = z.object({
  role: z.enum(["booker", "contact", "specialist"]).optional(),
  /** A report recipient's name as the booking lists it. */
  name: z.string().nullable().optional(),
  /** Whether signing in shows them the booking; one who can't is told to ask the booker. */
  canSignIn: z.boolean().optional(),
});
export type BookingRecipientPayload = z.infer<typeof bookingRecipientPayloadSchema>;

export const invitationPayloadSchema = z.object({
  invitationId: z.string().min(1),
  organizationName: z.string(),
  inviterName: z.string(),
  role: z.string(),
  /** ISO instant. */
  expiresAt: isoInstant,
});
export type InvitationPayload = z.infer<typeof invitationPayloadSchema>;

export const passwordResetPayloadSchema = z.object({
  /** better-auth's reset link: a credential, never shown to admins and not kept once sent. */
  url: z.url(),
});
export type PasswordResetPayload = z.infer<typeof passwordResetPayloadSchema>;

export const reportsOwedDigestPayloadSchema = z.object({
  items: z.array(
    z.object({
      bookingId: z.string(),
      appointmentDate: isoInstant,
      specialistTimeZone: z.string(),
      /** YYYY-MM-DD in the specialist's days, or null when the portal cannot say. */
      dueDate: z.iso.date().nullable(),
      overdue: z.boolean(),
    }),
  ),
  /** How many are owed in all, when more than the items listed (exact up to the home's count cap). */
  total: z.number().int().min(0).optional(),
  totalIsCapped: z.boolean().optional(),
});
export type ReportsOwedDigestPayload = z.infer<typeof reportsOwedDigestPayloadSchema>;

export const attentionDigestPayloadSchema = z.object({
  items: z.array(
    z.object({
      summary: z.string(),
      /** LOG_EVENTS name, e.g. webhook.event_gave_up. */
      reason: z.string(),
      at: isoInstant,
      bookingId: z.string().nullable(),
    }),
  ),
  /** How many there were, when the list was cut short. */
  total: z.number().int().min(0).optional(),
});
export type AttentionDigestPayload = z.infer<typeof attentionDigestPayloadSchema>;

/**
 * Invoice and credit note e-mails (lib/billing/invoices): what was issued, snapshotted when it
 * was (an issued invoice never changes), and the stored PDF the worker attaches by its key.
 */
export const invoiceEmailPayloadSchema = z.object({
  invoiceId: z.string().min(1),
  number: z.string().min(1),
  /** For a credit note: the invoice it credits. */
  creditsNumber: z.string().nullable().optional(),
  providerName: z.string(),
  organizationName: z.string(),
  /** Written for people: "USD 1,357.95", "Dec 31, 2026", "Nov 1, 2026 – Nov 30, 2026". */
  total: z.string(),
  dueDate: z.string().nullable(),
  period: z.string().nullable(),
  pdfKey: z.string().regex(/^invoices\//),
  fileName: z.string().min(1),
});
export type InvoiceEmailPayload = z.infer<typeof invoiceEmailPayloadSchema>;
