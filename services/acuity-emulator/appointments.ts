/**
 * Booking operations shared by the Acuity API routes and the control surface ("staff did it
 * in Acuity's UI"). Each validates like Acuity, saves, and fires the matching webhook.
 */
import type { DemoCalendar } from "@/lib/acuity/demo-calendars";
import { isBookable } from "./availability";
import {
  calendarOffersType,
  calendarsOffering,
  findAppointmentType,
  findCalendar,
  type EmulatorAppointmentType,
} from "./catalog";
import { badRequest, notFound, toId } from "./http-util";
import { instantFromInput, type AppointmentStore, type IntakeField, type StoredAppointment } from "./state";
import { isValidTimeZone } from "./time-zone";
import type { WebhookDispatcher } from "./webhooks";

export interface OperationContext {
  store: AppointmentStore;
  webhooks: WebhookDispatcher;
  now: () => Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTACT_FIELDS = ["firstName", "lastName", "email", "phone", "notes"] as const;

function optionalText(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest("invalid_fields", `The field "${key}" must be text.`);
  return value;
}

function requireType(value: unknown): EmulatorAppointmentType {
  const type = findAppointmentType(toId(value) ?? -1);
  if (!type)
    throw badRequest(
      "invalid_appointment_type",
      `The appointment type "${String(value ?? "")}" does not exist.`,
    );
  return type;
}

function requireCalendarFor(value: unknown, type: EmulatorAppointmentType): DemoCalendar {
  const calendar = findCalendar(toId(value) ?? -1);
  if (!calendar || !calendarOffersType(calendar, type)) {
    throw badRequest(
      "invalid_calendar",
      `The calendar "${String(value ?? "")}" does not exist or does not offer this appointment type.`,
    );
  }
  return calendar;
}

function parseFields(value: unknown): IntakeField[] {
  if (value === undefined || value === null) return [];
  const valid =
    Array.isArray(value) &&
    value.every(
      (f) =>
        typeof f === "object" &&
        f !== null &&
        toId((f as IntakeField).id) !== null &&
        typeof (f as IntakeField).value === "string",
    );
  if (!valid) throw badRequest("invalid_fields", "Fields must be a list of {id, value} pairs.");
  return (value as IntakeField[]).map((f) => ({ id: toId(f.id)!, value: f.value }));
}

function requireStart(value: unknown, zone: string): Date {
  if (typeof value !== "string" || !value.trim())
    throw badRequest("required_datetime", "The datetime is required.");
  const start = instantFromInput(value, zone);
  if (!start) throw badRequest("invalid_datetime", `The datetime "${value}" is not a valid date and time.`);
  return start;
}

const notAvailable = (datetime: unknown) =>
  badRequest("not_available", `The time "${String(datetime)}" is not available for this appointment type.`);

function requireExisting(ctx: OperationContext, id: number): StoredAppointment {
  const appointment = ctx.store.get(id);
  if (!appointment) throw notFound();
  return appointment;
}

function fire(
  ctx: OperationContext,
  action: "scheduled" | "rescheduled" | "canceled" | "changed",
  a: StoredAppointment,
) {
  ctx.webhooks.emit({ action, id: a.id, calendarID: a.calendarID, appointmentTypeID: a.appointmentTypeID });
}

export interface CreateOptions {
  admin: boolean;
  scheduledBy?: string | null;
}

export function createAppointment(
  ctx: OperationContext,
  input: Record<string, unknown>,
  options: CreateOptions,
): StoredAppointment {
  const type = requireType(input.appointmentTypeID);
  const firstName = optionalText(input, "firstName")?.trim();
  const lastName = optionalText(input, "lastName")?.trim();
  const email = optionalText(input, "email")?.trim() ?? "";
  if (!firstName) throw badRequest("required_first_name", "The first name is required.");
  if (!lastName) throw badRequest("required_last_name", "The last name is required.");
  if (!email && !options.admin) throw badRequest("required_email", "The email address is required.");
  if (email && !EMAIL.test(email))
    throw badRequest("invalid_email", `The email address "${email}" is not valid.`);
  const fields = parseFields(input.fields);

  const candidates =
    input.calendarID === undefined ? calendarsOffering(type) : [requireCalendarFor(input.calendarID, type)];
  let chosen: { calendar: DemoCalendar; start: Date } | undefined;
  for (const calendar of candidates) {
    const start = requireStart(input.datetime, calendar.timezone);
    // Admins may book anything (overbooking included), as in Acuity.
    if (options.admin || isBookable({ store: ctx.store, calendar, type, now: ctx.now() }, start)) {
      chosen = { calendar, start };
      break;
    }
  }
  if (!chosen) throw notAvailable(input.datetime);

  const requestedZone = optionalText(input, "timezone");
  const appointment: StoredAppointment = {
    id: ctx.store.allocateId(),
    calendarID: chosen.calendar.id,
    appointmentTypeID: type.id,
    startsAt: chosen.start.toISOString(),
    timezone: requestedZone && isValidTimeZone(requestedZone) ? requestedZone : chosen.calendar.timezone,
    firstName,
    lastName,
    email,
    phone: optionalText(input, "phone") ?? "",
    notes: optionalText(input, "notes") ?? "",
    canceled: false,
    noShow: false,
    cancelNote: null,
    scheduledBy: options.scheduledBy ?? null,
    fields,
    createdAt: ctx.now().toISOString(),
  };
  ctx.store.put(appointment);
  fire(ctx, "scheduled", appointment);
  return appointment;
}

export function rescheduleAppointment(
  ctx: OperationContext,
  id: number,
  input: Record<string, unknown>,
  options: { admin: boolean },
): StoredAppointment {
  const existing = requireExisting(ctx, id);
  if (existing.canceled)
    throw badRequest(
      "appointment_canceled",
      "This appointment has been canceled and can not be rescheduled.",
    );
  const type = requireType(existing.appointmentTypeID);
  const calendar = requireCalendarFor(input.calendarID ?? existing.calendarID, type);
  const start = requireStart(input.datetime, calendar.timezone);
  if (
    !options.admin &&
    !isBookable({ store: ctx.store, calendar, type, now: ctx.now(), ignoreId: id }, start)
  ) {
    throw notAvailable(input.datetime);
  }
  const updated = { ...existing, calendarID: calendar.id, startsAt: start.toISOString() };
  ctx.store.put(updated);
  fire(ctx, "rescheduled", updated);
  return updated;
}

/**
 * Staff switching the appointment type in Acuity's UI (the API can't): in person ↔ telehealth.
 * The calendar must offer the new type; the time stays, as an admin edit skips availability.
 */
export function changeAppointmentType(
  ctx: OperationContext,
  id: number,
  appointmentTypeID: unknown,
): StoredAppointment {
  const existing = requireExisting(ctx, id);
  if (existing.canceled)
    throw badRequest("appointment_canceled", "This appointment has been canceled and can not be changed.");
  const type = requireType(appointmentTypeID);
  requireCalendarFor(existing.calendarID, type);
  const updated = { ...existing, appointmentTypeID: type.id };
  ctx.store.put(updated);
  fire(ctx, "changed", updated);
  return updated;
}

export function cancelAppointment(
  ctx: OperationContext,
  id: number,
  input: Record<string, unknown>,
  options: { admin: boolean },
): StoredAppointment {
  const existing = requireExisting(ctx, id);
  const noShow = input.noShow === true || input.noShow === "true";
  if (noShow && !options.admin) throw badRequest("admin_required", "Marking a no-show requires admin=true.");
  if (existing.canceled && (!noShow || existing.noShow)) {
    throw badRequest("already_canceled", "This appointment has already been canceled.");
  }
  const updated: StoredAppointment = {
    ...existing,
    canceled: true,
    noShow: existing.noShow || noShow,
    cancelNote: optionalText(input, "cancelNote") ?? existing.cancelNote,
  };
  ctx.store.put(updated);
  fire(ctx, existing.canceled ? "changed" : "canceled", updated);
  return updated;
}

/** Contact fields, notes and intake fields only; anything else in the body is ignored. */
export function updateAppointment(
  ctx: OperationContext,
  id: number,
  input: Record<string, unknown>,
): StoredAppointment {
  const existing = requireExisting(ctx, id);
  const updated: StoredAppointment = { ...existing };
  for (const key of CONTACT_FIELDS) {
    const value = optionalText(input, key);
    if (value !== undefined) updated[key] = value.trim();
  }
  if (!updated.firstName || !updated.lastName)
    throw badRequest("required_field", "First and last name can not be empty.");
  if (updated.email && !EMAIL.test(updated.email))
    throw badRequest("invalid_email", `The email address "${updated.email}" is not valid.`);
  if (input.fields !== undefined) updated.fields = parseFields(input.fields);
  ctx.store.put(updated);
  fire(ctx, "changed", updated);
  return updated;
}
