import { z } from "zod";
import { PROGRESS_STAGES } from "@/db/schema/enums";

const note = z.string().trim().max(2000, "Keep the note under 2,000 characters");

/** A regular move: the stage the user saw and the one they chose. Whether a note is needed is the state machine's call. */
export const changeProgressSchema = z.object({
  bookingId: z.string().min(1),
  expectedFrom: z.enum(PROGRESS_STAGES),
  to: z.enum(PROGRESS_STAGES),
  note: note.optional(),
});

/** An admin correction: any stage to any other, always with a note. */
export const correctProgressSchema = changeProgressSchema.extend({
  note: note.min(1, "Write why the stage is being corrected"),
});

export type ChangeProgressFormInput = z.infer<typeof changeProgressSchema>;
