import type { AppointmentType } from "@/db/schema/enums";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";

/**
 * The Acuity appointment type behind each of the portal's two kinds of examination.
 * ACUITY_IN_PERSON_TYPE_ID / ACUITY_TELEHEALTH_TYPE_ID name them in a real account; the
 * defaults are the demo ids the emulator serves.
 */
export function acuityAppointmentTypeId(type: AppointmentType, env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(
    type === "telehealth" ? env.ACUITY_TELEHEALTH_TYPE_ID : env.ACUITY_IN_PERSON_TYPE_ID,
  );
  if (Number.isInteger(configured) && configured > 0) return configured;
  return type === "telehealth" ? DEMO_APPOINTMENT_TYPES.telehealth.id : DEMO_APPOINTMENT_TYPES.inPerson.id;
}

export const APPOINTMENT_TYPE_LABELS: Record<AppointmentType, string> = {
  in_person: "In person",
  telehealth: "Telehealth",
};
