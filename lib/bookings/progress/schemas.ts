import { z } from "zod";
import { PROGRESS_STAGES } from "@/db/schema/enums";
import { atMost, LIMITS, recordIdField } from "@/lib/validation/limits";

const note = z.string().trim().max(LIMITS.note, atMost(LIMITS.note));

/** A regular move: the stage the user saw and the one they chose. Whether a note is needed is the state machine's call. */
export const changeProgressSchema = z.object({
  bookingId: recordIdField(),
  expectedFrom: z.enum(PROGRESS_STAGES),
  to: z.enum(PROGRESS_STAGES),
  note: note.optional(),
});

/** An admin correction: any stage to any other, always with a note. */
export const correctProgressSchema = changeProgressSchema.extend({
  note: note.min(1, "Write why the stage is being corrected"),
});

export type ChangeProgressFormInput = z.infer<typeof changeProgressSchema>;
