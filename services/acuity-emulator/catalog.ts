/** The emulator's calendars and appointment types, straight from the shared demo ids. */
import {
  ACUITY_DEMO_ACCOUNT_CALENDARS,
  DEMO_APPOINTMENT_TYPES,
  type DemoCalendar,
} from "@/lib/acuity/demo-calendars";

export interface EmulatorAppointmentType {
  id: number;
  name: string;
  duration: number;
  price: string;
  telehealth: boolean;
}

export const APPOINTMENT_TYPES: EmulatorAppointmentType[] = [
  { ...DEMO_APPOINTMENT_TYPES.inPerson, price: "450.00", telehealth: false },
  { ...DEMO_APPOINTMENT_TYPES.telehealth, price: "450.00", telehealth: true },
];

export function findCalendar(id: number): DemoCalendar | undefined {
  return ACUITY_DEMO_ACCOUNT_CALENDARS.find((calendar) => calendar.id === id);
}

export function findAppointmentType(id: number): EmulatorAppointmentType | undefined {
  return APPOINTMENT_TYPES.find((type) => type.id === id);
}

/** In-person exams need an address; telehealth works from any calendar. */
export function calendarOffersType(calendar: DemoCalendar, type: EmulatorAppointmentType): boolean {
  return type.telehealth || calendar.location !== null;
}

export function calendarsOffering(type: EmulatorAppointmentType): DemoCalendar[] {
  return ACUITY_DEMO_ACCOUNT_CALENDARS.filter((calendar) => calendarOffersType(calendar, type));
}

export function renderCalendar(calendar: DemoCalendar) {
  return {
    id: calendar.id,
    name: calendar.specialistName,
    email: calendar.email,
    replyTo: calendar.email,
    description: calendar.specialty,
    location: calendar.location ?? "",
    timezone: calendar.timezone,
    thumbnail: "",
    image: "",
  };
}

export function renderAppointmentType(type: EmulatorAppointmentType) {
  return {
    id: type.id,
    active: true,
    name: type.name,
    description: "",
    duration: type.duration,
    price: type.price,
    category: "",
    color: type.telehealth ? "#3b82f6" : "#16a34a",
    private: false,
    type: "service",
    classSize: null,
    paddingAfter: 0,
    paddingBefore: 0,
    calendarIDs: calendarsOffering(type).map((calendar) => calendar.id),
    addonIDs: [],
    formIDs: [],
    image: "",
    schedulingUrl: `https://app.acuityscheduling.test/schedule.php?appointmentType=${type.id}`,
  };
}
