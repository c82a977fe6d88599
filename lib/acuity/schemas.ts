/**
 * Response shapes. Loose objects: Acuity adds fields over time and that must not break
 * parsing. Strings stay strings where Acuity sends strings (`duration`, `price`), and the
 * display strings `date`/`time`/`endTime` are kept but never interpreted.
 */
import { z } from "zod";
import { isAcuityDatetime } from "./datetime";

/** ISO datetime with an offset, kept verbatim (`-0500` or `-05:00`). */
export const acuityDatetimeSchema = z
  .string()
  .refine(isAcuityDatetime, "expected an ISO datetime with an offset");

/** Acuity sends "" for empty text but some accounts return null; both become "". */
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? "");

export const acuityCalendarSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  email: text,
  location: text,
  timezone: z.string(),
});
export type AcuityCalendar = z.infer<typeof acuityCalendarSchema>;

export const acuityAppointmentTypeSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  active: z.boolean().optional(),
  duration: z.number(),
  price: z.string(),
  calendarIDs: z.array(z.number()),
});
export type AcuityAppointmentType = z.infer<typeof acuityAppointmentTypeSchema>;

export const acuityAvailableDateSchema = z.looseObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export type AcuityAvailableDate = z.infer<typeof acuityAvailableDateSchema>;

export const acuityAvailableTimeSchema = z.looseObject({
  time: acuityDatetimeSchema,
  slotsAvailable: z.number().optional(),
});
export type AcuityAvailableTime = z.infer<typeof acuityAvailableTimeSchema>;

export const acuityTimeCheckSchema = z.looseObject({
  valid: z.boolean(),
  datetime: z.string().optional(),
  calendarID: z.number().nullish(),
  appointmentTypeID: z.number().optional(),
});
export type AcuityTimeCheck = z.infer<typeof acuityTimeCheckSchema>;

export const acuityFormValueSchema = z.looseObject({
  fieldID: z.number(),
  value: z.string().nullish(),
});

export const acuityAppointmentSchema = z.looseObject({
  id: z.number(),
  datetime: acuityDatetimeSchema,
  endTime: z.string().optional(),
  duration: z.string(),
  calendarID: z.number(),
  appointmentTypeID: z.number(),
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  timezone: z.string(),
  calendarTimezone: z.string(),
  canceled: z.boolean(),
  noShow: z.boolean().optional(),
  location: text,
  notes: text,
  // Forms differ per account; only the envelope is relied on.
  forms: z
    .array(z.looseObject({ id: z.number().optional(), values: z.array(z.unknown()).optional() }))
    .default([]),
  scheduledBy: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  datetimeCreated: z.string(),
  calendar: z.string(),
  type: z.string(),
});
export type AcuityAppointment = z.infer<typeof acuityAppointmentSchema>;

export const acuityAppointmentListSchema = z.array(acuityAppointmentSchema);
