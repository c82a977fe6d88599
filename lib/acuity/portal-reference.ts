/**
 * The marker the portal writes into the notes of every appointment it creates, so an Acuity
 * admin can trace it back — and so the webhook sync can tell "made by the portal, booking
 * row not committed yet" from "made directly in Acuity".
 */
const MARKER = /IME Portal booking ([A-Za-z0-9_-]+)/;

export const portalReferenceNote = (bookingId: string) => `IME Portal booking ${bookingId}`;

export function parsePortalReference(notes: string | null | undefined): string | null {
  return notes?.match(MARKER)?.[1] ?? null;
}
