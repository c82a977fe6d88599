/**
 * The typed Acuity client: one method per endpoint the portal uses. Every answer is
 * validated by the schemas; every failure is a typed AcuityError (see errors.ts).
 */
import { z } from "zod";
import type { AcuityConfig } from "./config";
import { AcuitySlotUnavailableError } from "./errors";
import { createAcuityTransport, type AcuityTransportOptions } from "./http";
import {
  acuityAppointmentListSchema,
  acuityAppointmentSchema,
  acuityAppointmentTypeSchema,
  acuityAvailableDateSchema,
  acuityAvailableTimeSchema,
  acuityCalendarSchema,
  acuityTimeCheckSchema,
  type AcuityAppointment,
  type AcuityAppointmentType,
  type AcuityAvailableDate,
  type AcuityAvailableTime,
  type AcuityCalendar,
  type AcuityTimeCheck,
} from "./schemas";

export interface AvailabilityQuery {
  appointmentTypeID: number;
  calendarID?: number;
  /** IANA zone the answer's offsets are expressed in; defaults to the calendar's. */
  timezone?: string;
}

export interface ListAppointmentsQuery {
  calendarID?: number;
  appointmentTypeID?: number;
  /** `YYYY-MM-DD` (calendar's day) or an ISO datetime. */
  minDate?: string;
  maxDate?: string;
  max?: number;
  /** true = only cancelled appointments (Acuity's semantics), false/absent = only active. */
  canceled?: boolean;
  direction?: "ASC" | "DESC";
}

export interface IntakeFieldValue {
  id: number;
  value: string;
}

export interface CreateAppointmentInput {
  datetime: string;
  appointmentTypeID: number;
  calendarID?: number;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  notes?: string;
  timezone?: string;
  fields?: IntakeFieldValue[];
}

export interface ContactUpdate {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  notes?: string;
}

export interface CancelOptions {
  cancelNote?: string;
  /** Marks the appointment as a no-show; Acuity only allows this with admin rights. */
  noShow?: boolean;
  admin?: boolean;
}

/** `admin` skips Acuity's availability checks (staff booking outside open slots). */
export interface AdminOption {
  admin?: boolean;
}

export interface AcuityClient {
  listCalendars(): Promise<AcuityCalendar[]>;
  listAppointmentTypes(): Promise<AcuityAppointmentType[]>;
  getAvailableDates(query: AvailabilityQuery & { month: string }): Promise<AcuityAvailableDate[]>;
  getAvailableTimes(query: AvailabilityQuery & { date: string }): Promise<AcuityAvailableTime[]>;
  checkTime(input: {
    datetime: string;
    appointmentTypeID: number;
    calendarID?: number;
  }): Promise<AcuityTimeCheck>;
  listAppointments(query?: ListAppointmentsQuery): Promise<AcuityAppointment[]>;
  getAppointment(id: number): Promise<AcuityAppointment>;
  createAppointment(input: CreateAppointmentInput, options?: AdminOption): Promise<AcuityAppointment>;
  rescheduleAppointment(
    id: number,
    input: { datetime: string; calendarID?: number },
    options?: AdminOption,
  ): Promise<AcuityAppointment>;
  cancelAppointment(id: number, options?: CancelOptions): Promise<AcuityAppointment>;
  updateAppointment(id: number, update: ContactUpdate): Promise<AcuityAppointment>;
}

export type CreateAcuityClientOptions = Omit<AcuityTransportOptions, "config">;

const adminQuery = (options?: AdminOption) => (options?.admin ? { admin: "true" } : undefined);
const appointmentPath = (id: number) => `/appointments/${encodeURIComponent(String(id))}`;

export function createAcuityClient(
  config: AcuityConfig,
  options: CreateAcuityClientOptions = {},
): AcuityClient {
  const send = createAcuityTransport({ ...options, config });

  return {
    listCalendars: () => send({ method: "GET", path: "/calendars", schema: z.array(acuityCalendarSchema) }),

    listAppointmentTypes: () =>
      send({ method: "GET", path: "/appointment-types", schema: z.array(acuityAppointmentTypeSchema) }),

    getAvailableDates: (query) =>
      send({
        method: "GET",
        path: "/availability/dates",
        query: { ...query },
        schema: z.array(acuityAvailableDateSchema),
      }),

    getAvailableTimes: (query) =>
      send({
        method: "GET",
        path: "/availability/times",
        query: { ...query },
        schema: z.array(acuityAvailableTimeSchema),
      }),

    async checkTime(input) {
      try {
        return await send({
          method: "POST",
          path: "/availability/check-times",
          body: input,
          schema: acuityTimeCheckSchema,
        });
      } catch (error) {
        // Some Acuity accounts answer an unavailable time with 400 not_available instead of
        // valid:false; both mean the same thing to the caller.
        if (error instanceof AcuitySlotUnavailableError) return { ...input, valid: false };
        throw error;
      }
    },

    listAppointments: (query = {}) =>
      send({
        method: "GET",
        path: "/appointments",
        query: { ...query, canceled: query.canceled === undefined ? undefined : String(query.canceled) },
        schema: acuityAppointmentListSchema,
      }),

    getAppointment: (id) =>
      send({ method: "GET", path: appointmentPath(id), schema: acuityAppointmentSchema }),

    createAppointment: (input, options) =>
      send({
        method: "POST",
        path: "/appointments",
        query: adminQuery(options),
        body: input,
        schema: acuityAppointmentSchema,
      }),

    rescheduleAppointment: (id, input, options) =>
      send({
        method: "PUT",
        path: `${appointmentPath(id)}/reschedule`,
        query: adminQuery(options),
        body: input,
        schema: acuityAppointmentSchema,
      }),

    cancelAppointment: (id, options = {}) => {
      const body: Record<string, unknown> = {};
      if (options.cancelNote !== undefined) body.cancelNote = options.cancelNote;
      if (options.noShow) body.noShow = true;
      // Acuity refuses no-show marking without admin, so asking for a no-show implies it.
      const admin = options.admin ?? options.noShow;
      return send({
        method: "PUT",
        path: `${appointmentPath(id)}/cancel`,
        query: adminQuery({ admin }),
        body,
        schema: acuityAppointmentSchema,
      });
    },

    updateAppointment: (id, update) =>
      send({ method: "PUT", path: appointmentPath(id), body: update, schema: acuityAppointmentSchema }),
  };
}
