/**
 * What the second of two people changing one booking at once is told. Kept apart from
 * change-progress.ts so client components can recognise it without importing database code.
 */
export const BOOKING_CHANGED_MESSAGE =
  "This booking changed while you were looking — reload to see where it is now.";

/** How an admin correction's note starts on its progress row, so the timeline can mark it. */
export const CORRECTION_NOTE_PREFIX = "Correction: ";

/** Why nothing can be done to an archived booking — no upload, move or correction either. */
export const ARCHIVED_MESSAGE = "This booking is archived: an archived booking can no longer be changed.";
