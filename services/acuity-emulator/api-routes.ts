/** Acuity's REST surface (the subset the portal uses), with its shapes and errors. */
import type { IncomingMessage } from "node:http";
import type { DemoCalendar } from "@/lib/acuity/demo-calendars";
import {
  cancelAppointment,
  createAppointment,
  rescheduleAppointment,
  updateAppointment,
  type OperationContext,
} from "./appointments";
import { isBookable, openDatesIn, openSlotsOn, type SlotContext } from "./availability";
import {
  APPOINTMENT_TYPES,
  calendarOffersType,
  calendarsOffering,
  findAppointmentType,
  findCalendar,
  renderAppointmentType,
  renderCalendar,
} from "./catalog";
import { ACUITY_DEMO_ACCOUNT_CALENDARS } from "@/lib/acuity/demo-calendars";
import { EmulatorHttpError, badRequest, notFound, readJsonObject, toId } from "./http-util";
import { renderAppointment } from "./render";
import { instantFromInput } from "./state";
import { formatAcuityDatetime, isValidTimeZone, localDateIn } from "./time-zone";

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const ok = (body: unknown): ApiAnswer => ({ status: 200, body });

/** The calendars an availability question is about, and the zone the answer is written in. */
function availabilityScope(params: URLSearchParams) {
  const type = findAppointmentType(toId(params.get("appointmentTypeID")) ?? -1);
  if (!type) throw badRequest("invalid_appointment_type", "A valid appointmentTypeID is required.");
  let calendars: DemoCalendar[] = calendarsOffering(type);
  if (params.has("calendarID")) {
    const calendar = findCalendar(toId(params.get("calendarID")) ?? -1);
    if (!calendar || !calendarOffersType(calendar, type))
      throw badRequest("invalid_calendar", "The calendar does not offer this appointment type.");
    calendars = [calendar];
  }
  const zone = params.get("timezone") || calendars[0]!.timezone;
  if (!isValidTimeZone(zone)) throw badRequest("invalid_timezone", `The timezone "${zone}" is not valid.`);
  return { type, calendars, zone };
}

function availabilityTimes(ctx: OperationContext, params: URLSearchParams): ApiAnswer {
  const date = params.get("date") ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw badRequest("invalid_date", "A date in YYYY-MM-DD format is required.");
  const { type, calendars, zone } = availabilityScope(params);
  const starts = new Set<number>();
  for (const calendar of calendars) {
    for (const slot of openSlotsOn({ store: ctx.store, calendar, type, now: ctx.now() }, date, zone))
      starts.add(slot.getTime());
  }
  const times = [...starts]
    .sort((a, b) => a - b)
    .map((t) => ({ time: formatAcuityDatetime(new Date(t), zone), slotsAvailable: 1 }));
  return ok(times);
}

function availabilityDates(ctx: OperationContext, params: URLSearchParams): ApiAnswer {
  const month = params.get("month") ?? "";
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw badRequest("invalid_month", "A month in YYYY-MM format is required.");
  const { type, calendars, zone } = availabilityScope(params);
  const dates = new Set<string>();
  for (const calendar of calendars) {
    for (const date of openDatesIn({ store: ctx.store, calendar, type, now: ctx.now() }, month, zone))
      dates.add(date);
  }
  return ok([...dates].sort().map((date) => ({ date })));
}

function checkTimes(ctx: OperationContext, body: Record<string, unknown>): ApiAnswer {
  const type = findAppointmentType(toId(body.appointmentTypeID) ?? -1);
  if (!type) throw badRequest("invalid_appointment_type", "A valid appointmentTypeID is required.");
  if (typeof body.datetime !== "string") throw badRequest("required_datetime", "The datetime is required.");
  const calendars =
    body.calendarID === undefined ? calendarsOffering(type) : [findCalendar(toId(body.calendarID) ?? -1)];
  const open = calendars.find((calendar) => {
    if (!calendar || !calendarOffersType(calendar, type)) return false;
    const start = instantFromInput(body.datetime as string, calendar.timezone);
    const slot: SlotContext = { store: ctx.store, calendar, type, now: ctx.now() };
    return start !== null && isBookable(slot, start);
  });
  return ok({
    datetime: body.datetime,
    appointmentTypeID: type.id,
    calendarID: open?.id ?? toId(body.calendarID),
    valid: open !== undefined,
  });
}

/** A YYYY-MM-DD bound is the calendar's local day; anything else is an instant. */
function withinBound(startsAt: Date, zone: string, bound: string | null, side: "min" | "max"): boolean {
  if (!bound) return true;
  if (/^\d{4}-\d{2}-\d{2}$/.test(bound)) {
    const day = localDateIn(startsAt, zone);
    return side === "min" ? day >= bound : day <= bound;
  }
  const instant = instantFromInput(bound, zone);
  if (!instant) throw badRequest("invalid_date", `The date "${bound}" is not valid.`);
  return side === "min" ? startsAt >= instant : startsAt <= instant;
}

function listAppointments(ctx: OperationContext, params: URLSearchParams): ApiAnswer {
  const calendarID = params.has("calendarID") ? toId(params.get("calendarID")) : undefined;
  const typeID = params.has("appointmentTypeID") ? toId(params.get("appointmentTypeID")) : undefined;
  const canceled = params.get("canceled") === "true";
  const max = Math.max(1, Number(params.get("max")) || 100);
  const direction = params.get("direction")?.toUpperCase() === "ASC" ? 1 : -1;
  const matches = ctx.store.all().filter((a) => {
    const zone = findCalendar(a.calendarID)?.timezone ?? a.timezone;
    const start = new Date(a.startsAt);
    return (
      a.canceled === canceled &&
      (calendarID === undefined || a.calendarID === calendarID) &&
      (typeID === undefined || a.appointmentTypeID === typeID) &&
      withinBound(start, zone, params.get("minDate"), "min") &&
      withinBound(start, zone, params.get("maxDate"), "max")
    );
  });
  matches.sort((a, b) => direction * (Date.parse(a.startsAt) - Date.parse(b.startsAt)) || a.id - b.id);
  return ok(matches.slice(0, max).map(renderAppointment));
}

/** Routes an authenticated API request (`path` is below /api/v1). */
export async function routeApi(
  ctx: OperationContext,
  req: IncomingMessage,
  path: string,
  params: URLSearchParams,
): Promise<ApiAnswer> {
  const method = req.method ?? "GET";
  const admin = params.get("admin") === "true";
  if (method === "GET" && path === "/calendars") return ok(ACUITY_DEMO_ACCOUNT_CALENDARS.map(renderCalendar));
  if (method === "GET" && path === "/appointment-types")
    return ok(APPOINTMENT_TYPES.map(renderAppointmentType));
  if (method === "GET" && path === "/availability/dates") return availabilityDates(ctx, params);
  if (method === "GET" && path === "/availability/times") return availabilityTimes(ctx, params);
  if (method === "POST" && path === "/availability/check-times")
    return checkTimes(ctx, await readJsonObject(req));
  if (method === "GET" && path === "/appointments") return listAppointments(ctx, params);
  if (method === "POST" && path === "/appointments") {
    return ok(renderAppointment(createAppointment(ctx, await readJsonObject(req), { admin })));
  }

  const match = /^\/appointments\/([^/]+)(\/reschedule|\/cancel)?$/.exec(path);
  if (match) {
    const id = toId(decodeURIComponent(match[1]!));
    if (id === null) throw notFound();
    const action = match[2];
    if (method === "GET" && !action) {
      const appointment = ctx.store.get(id);
      if (!appointment) throw notFound();
      return ok(renderAppointment(appointment));
    }
    if (method === "PUT" && action === "/reschedule")
      return ok(renderAppointment(rescheduleAppointment(ctx, id, await readJsonObject(req), { admin })));
    if (method === "PUT" && action === "/cancel")
      return ok(renderAppointment(cancelAppointment(ctx, id, await readJsonObject(req), { admin })));
    if (method === "PUT" && !action)
      return ok(renderAppointment(updateAppointment(ctx, id, await readJsonObject(req))));
  }
  throw new EmulatorHttpError(404, "not_found", `No such endpoint: ${method} ${path}`);
}
