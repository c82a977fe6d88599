import { z } from "zod";
import { recordIdField } from "@/lib/validation/limits";

export const replayEventSchema = z.object({ eventId: recordIdField("Choose an event to replay") });
export const replayAllFailedSchema = z.object({});

const day = z.iso.date("Enter a date as YYYY-MM-DD");
export const reconcileWindowSchema = z
  .object({ from: day, to: day })
  .refine((w) => w.from <= w.to, { message: "The start must not be after the end", path: ["to"] })
  .refine((w) => (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000 <= 366, {
    message: "Reconcile at most a year at a time",
    path: ["to"],
  });
