/**
 * About sixty demo bookings over every progress stage, both sources and both appointment
 * types — a pure function of `now`, so the launcher can give the same plan to the seed and
 * to the Acuity emulator and both agree on every appointment.
 */
import { DEMO_APPOINTMENT_TYPES, DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import type { AppointmentType, BookingStatus, ProgressStage } from "@/db/schema/enums";
import { zonedTimeToInstant } from "@/lib/time/zoned";
import { DEMO_ORGANIZATIONS } from "./demo-people";

export interface DemoBookingPlan {
  acuityAppointmentId: number;
  calendarIndex: number;
  organizationIndex: number;
  teamIndex: number | null;
  /** Index into the organization's people; null = created by the system user (acuity_direct). */
  creatorIndex: number | null;
  examinee: { firstName: string; lastName: string; phone: string; email: string | null };
  appointmentDate: Date;
  appointmentType: AppointmentType;
  /** Stages in order, the last is current_progress. */
  progressPath: ProgressStage[];
  status: BookingStatus;
  source: "portal" | "acuity_direct";
  createdAt: Date;
}

const FIRST = [
  "James",
  "Maria",
  "Robert",
  "Linda",
  "Michael",
  "Sarah",
  "David",
  "Karen",
  "Daniel",
  "Nancy",
  "Joseph",
  "Lisa",
];
const LAST = [
  "Nguyen",
  "Garcia",
  "Smith",
  "Okoye",
  "Kowalski",
  "Haddad",
  "Brown",
  "Tanaka",
  "Murphy",
  "Rossi",
  "Silva",
];

/** Deterministic pseudo-random numbers so the demo looks the same on every machine. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PAST_PATHS: { path: ProgressStage[]; status: BookingStatus }[] = [
  { path: ["scheduled", "no_show"], status: "active" },
  { path: ["scheduled", "generating_report"], status: "active" },
  { path: ["scheduled", "rescheduled", "generating_report"], status: "active" },
  { path: ["scheduled", "generating_report", "report_generated"], status: "active" },
  { path: ["scheduled", "generating_report", "report_generated", "payment_received"], status: "closed" },
  { path: ["scheduled", "generating_report", "report_generated", "payment_received"], status: "archived" },
  { path: ["scheduled", "cancelled"], status: "active" },
];
const FUTURE_PATHS: { path: ProgressStage[]; status: BookingStatus }[] = [
  { path: ["scheduled"], status: "active" },
  { path: ["scheduled"], status: "active" },
  { path: ["scheduled", "rescheduled"], status: "active" },
  { path: ["scheduled"], status: "active" },
  { path: ["scheduled", "cancelled"], status: "active" },
];

function weekdayOnOrAfter(date: Date): Date {
  const day = new Date(date);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

export const DEMO_BOOKING_COUNT = 60;
export const FIRST_DEMO_APPOINTMENT_ID = 800001;

export function buildDemoBookings(now: Date): DemoBookingPlan[] {
  const random = mulberry32(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const plans: DemoBookingPlan[] = [];

  for (let i = 0; i < DEMO_BOOKING_COUNT; i++) {
    // Not i % 6: with organization = i % 3 each organization would only ever meet two specialists.
    const calendarIndex = Math.floor(i / DEMO_ORGANIZATIONS.length) % DEMO_CALENDARS.length;
    const calendar = DEMO_CALENDARS[calendarIndex]!;
    const organizationIndex = i % DEMO_ORGANIZATIONS.length;
    const organization = DEMO_ORGANIZATIONS[organizationIndex]!;
    const past = i % 2 === 0;
    const plan = past
      ? PAST_PATHS[(i / 2) % PAST_PATHS.length]!
      : FUTURE_PATHS[Math.floor(i / 2) % FUTURE_PATHS.length]!;
    const dayOffset = past ? -(3 + Math.floor(random() * 40)) : 1 + Math.floor(random() * 25);
    const day = weekdayOnOrAfter(new Date(today.getTime() + dayOffset * 86_400_000));
    const startHour = Number(calendar.workingHours.start.slice(0, 2)) + 1 + (i % 4);
    const appointmentDate = zonedTimeToInstant(
      day.toISOString().slice(0, 10),
      `${String(startHour).padStart(2, "0")}:00`,
      calendar.timezone,
    );
    const appointmentType: AppointmentType =
      calendar.location === null || random() < 0.35 ? "telehealth" : "in_person";
    // Every seventh booking was made by provider staff directly in Acuity.
    const source = i % 7 === 3 ? "acuity_direct" : "portal";
    const teamIndex = i % 5 === 4 ? null : i % organization.teams.length;
    const creators = organization.people
      .map((person, index) => ({ person, index }))
      .filter(
        ({ person }) => teamIndex === null || person.role !== "member" || person.teams.includes(teamIndex),
      );
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    plans.push({
      acuityAppointmentId: FIRST_DEMO_APPOINTMENT_ID + i,
      calendarIndex,
      organizationIndex,
      teamIndex,
      creatorIndex: source === "acuity_direct" ? null : pick(creators).index,
      examinee: {
        firstName,
        lastName,
        phone: `+1212555${String(1000 + i * 37).slice(-4)}`,
        email: i % 4 === 0 ? null : `${firstName}.${lastName}${i}@example.com`.toLowerCase(),
      },
      appointmentDate,
      appointmentType,
      progressPath: plan.path,
      status: plan.status,
      source,
      createdAt: new Date(Math.min(appointmentDate.getTime(), now.getTime()) - (5 + (i % 9)) * 86_400_000),
    });
  }
  return plans;
}

export const appointmentTypeIdFor = (type: AppointmentType) =>
  type === "telehealth" ? DEMO_APPOINTMENT_TYPES.telehealth.id : DEMO_APPOINTMENT_TYPES.inPerson.id;

export const demoMeetingLink = (appointmentId: number) => `https://meet.example.test/ime-${appointmentId}`;
