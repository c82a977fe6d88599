/**
 * The emulator's appointment book: in memory, optionally mirrored to a JSON file
 * (written atomically on every change, loaded on start) so a dev restart keeps bookings.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseAcuityDatetime } from "@/lib/acuity/datetime";
import { findCalendar } from "./catalog";
import { zonedTimeToInstant } from "./time-zone";

export interface IntakeField {
  id: number;
  value: string;
}

export interface EmulatorAppointmentSeed {
  id: number;
  calendarID: number;
  appointmentTypeID: number;
  /** ISO; without an offset it is read in the calendar's zone. */
  datetime: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  canceled?: boolean;
  noShow?: boolean;
  notes?: string;
  scheduledBy?: string | null;
  fields?: IntakeField[];
}

/** What the emulator keeps; the Acuity JSON shape is rendered from it (render.ts). */
export interface StoredAppointment {
  id: number;
  calendarID: number;
  appointmentTypeID: number;
  /** UTC instant, ISO. */
  startsAt: string;
  /** The client's zone (Acuity's `timezone`). */
  timezone: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  notes: string;
  canceled: boolean;
  noShow: boolean;
  cancelNote: string | null;
  scheduledBy: string | null;
  fields: IntakeField[];
  createdAt: string;
}

/** Ids start high so they read as Acuity's and never collide with portal-side numbers. */
export const FIRST_APPOINTMENT_ID = 900001;

const LOCAL_ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$/;

/** An ISO datetime as an instant; without an offset it is wall-clock time in `zone`. */
export function instantFromInput(datetime: string, zone: string): Date | null {
  const local = LOCAL_ISO.exec(datetime.trim());
  if (local) return zonedTimeToInstant(local[1]!, local[2]!, zone);
  try {
    return parseAcuityDatetime(datetime.trim());
  } catch {
    return null;
  }
}

export function appointmentFromSeed(seed: EmulatorAppointmentSeed, now: Date): StoredAppointment {
  const calendar = findCalendar(seed.calendarID);
  if (!calendar) throw new Error(`Seed appointment ${seed.id}: unknown calendar ${seed.calendarID}`);
  const startsAt = instantFromInput(seed.datetime, calendar.timezone);
  if (!startsAt) throw new Error(`Seed appointment ${seed.id}: unreadable datetime ${seed.datetime}`);
  return {
    id: seed.id,
    calendarID: seed.calendarID,
    appointmentTypeID: seed.appointmentTypeID,
    startsAt: startsAt.toISOString(),
    timezone: calendar.timezone,
    firstName: seed.firstName,
    lastName: seed.lastName,
    email: seed.email,
    phone: seed.phone,
    notes: seed.notes ?? "",
    canceled: seed.canceled ?? false,
    noShow: seed.noShow ?? false,
    cancelNote: null,
    scheduledBy: seed.scheduledBy ?? null,
    fields: seed.fields ?? [],
    createdAt: now.toISOString(),
  };
}

interface PersistedState {
  version: 1;
  nextId: number;
  appointments: StoredAppointment[];
}

export class AppointmentStore {
  readonly appointments = new Map<number, StoredAppointment>();
  private nextId: number;

  constructor(
    private readonly seeds: EmulatorAppointmentSeed[],
    private readonly now: () => Date,
    private readonly stateFile?: string,
    /** Tests sharing one database give each emulator its own id range. */
    private readonly firstId = FIRST_APPOINTMENT_ID,
  ) {
    this.nextId = firstId;
    if (stateFile && existsSync(stateFile)) this.load(stateFile);
    else this.reset();
  }

  /** Back to the seeds (or empty), as if the account were fresh. */
  reset(): void {
    this.appointments.clear();
    for (const seed of this.seeds) this.appointments.set(seed.id, appointmentFromSeed(seed, this.now()));
    this.nextId = this.firstId;
    this.save();
  }

  /** A fresh id, above every id in use (seeds may have picked ids in our range). */
  allocateId(): number {
    const highest = Math.max(0, ...this.appointments.keys());
    this.nextId = Math.max(this.nextId, highest + 1);
    return this.nextId++;
  }

  get(id: number): StoredAppointment | undefined {
    return this.appointments.get(id);
  }

  put(appointment: StoredAppointment): void {
    this.appointments.set(appointment.id, appointment);
    this.save();
  }

  all(): StoredAppointment[] {
    return [...this.appointments.values()];
  }

  private load(file: string): void {
    const persisted = JSON.parse(readFileSync(file, "utf8")) as PersistedState;
    for (const appointment of persisted.appointments) this.appointments.set(appointment.id, appointment);
    this.nextId = Math.max(this.firstId, persisted.nextId);
  }

  private save(): void {
    if (!this.stateFile) return;
    const state: PersistedState = { version: 1, nextId: this.nextId, appointments: this.all() };
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    // Write-then-rename so a crash mid-write never leaves a truncated file to load.
    const temp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state, null, 2));
    renameSync(temp, this.stateFile);
  }
}
