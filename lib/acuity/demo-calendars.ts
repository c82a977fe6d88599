/**
 * The one place where the demo specialists, the local Acuity emulator's calendars and the
 * demo seed agree on ids. Acuity ids are numbers; the portal stores them as strings
 * (specialists.acuity_calendar_id, bookings.acuity_appointment_id).
 */
export interface DemoCalendar {
  id: number;
  specialistName: string;
  email: string;
  specialty: string;
  /** City and address for in-person examinations; null = telehealth only. */
  location: string | null;
  city: string | null;
  timezone: string;
  /** Working hours in the calendar's zone, Monday(1)..Friday(5). */
  workingHours: { days: number[]; start: string; end: string };
}

export const DEMO_APPOINTMENT_TYPES = {
  inPerson: { id: 501, name: "Independent Medical Examination (in person)", duration: 60 },
  telehealth: { id: 502, name: "Independent Medical Examination (telehealth)", duration: 60 },
} as const;

const weekdays = [1, 2, 3, 4, 5];

export const DEMO_CALENDARS: DemoCalendar[] = [
  {
    id: 7101,
    specialistName: "Dr. Amelia Hart",
    email: "amelia.hart@specialists.test",
    specialty: "Orthopaedic Surgery",
    location: "120 Park Ave, New York, NY",
    city: "New York",
    timezone: "America/New_York",
    workingHours: { days: weekdays, start: "09:00", end: "17:00" },
  },
  {
    id: 7102,
    specialistName: "Dr. Rafael Ortiz",
    email: "rafael.ortiz@specialists.test",
    specialty: "Psychiatry",
    location: "455 N Michigan Ave, Chicago, IL",
    city: "Chicago",
    timezone: "America/Chicago",
    workingHours: { days: weekdays, start: "08:00", end: "16:00" },
  },
  {
    id: 7103,
    specialistName: "Dr. Priya Natarajan",
    email: "priya.natarajan@specialists.test",
    specialty: "Neurology",
    location: "1600 Broadway, Denver, CO",
    city: "Denver",
    timezone: "America/Denver",
    workingHours: { days: weekdays, start: "09:00", end: "15:00" },
  },
  {
    id: 7104,
    specialistName: "Dr. Samuel Okafor",
    email: "samuel.okafor@specialists.test",
    specialty: "Occupational Medicine",
    location: "350 S Grand Ave, Los Angeles, CA",
    city: "Los Angeles",
    timezone: "America/Los_Angeles",
    workingHours: { days: weekdays, start: "08:30", end: "16:30" },
  },
  {
    id: 7105,
    specialistName: "Dr. Hannah Keller",
    email: "hannah.keller@specialists.test",
    specialty: "Orthopaedic Surgery",
    location: "2 N Central Ave, Phoenix, AZ",
    city: "Phoenix",
    timezone: "America/Phoenix",
    workingHours: { days: weekdays, start: "07:00", end: "13:00" },
  },
  {
    id: 7106,
    specialistName: "Dr. Lucas Brennan",
    email: "lucas.brennan@specialists.test",
    specialty: "Psychology",
    location: null,
    city: null,
    timezone: "America/New_York",
    workingHours: { days: weekdays, start: "10:00", end: "18:00" },
  },
];

/**
 * Calendars the demo Acuity account has but no specialist is linked to yet — what an admin
 * picks when creating a specialist from a calendar (Admin → Specialists).
 */
export const UNLINKED_DEMO_CALENDARS: DemoCalendar[] = [
  {
    id: 7107,
    specialistName: "Dr. Grace Liu",
    email: "grace.liu@specialists.test",
    specialty: "Rheumatology",
    location: "1200 4th Ave, Seattle, WA",
    city: "Seattle",
    timezone: "America/Los_Angeles",
    workingHours: { days: weekdays, start: "09:00", end: "17:00" },
  },
];

/** Every calendar of the demo Acuity account, as the emulator serves them. */
export const ACUITY_DEMO_ACCOUNT_CALENDARS: DemoCalendar[] = [...DEMO_CALENDARS, ...UNLINKED_DEMO_CALENDARS];
