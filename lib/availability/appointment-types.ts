import type { AppointmentType } from "@/db/schema/enums";
import { config } from "@/lib/config";

/**
 * The Acuity appointment type behind each of the portal's two kinds of examination.
 * ACUITY_IN_PERSON_TYPE_ID / ACUITY_TELEHEALTH_TYPE_ID name them in a real account; the
 * defaults are the demo ids the emulator serves.
 */
export function acuityAppointmentTypeId(type: AppointmentType): number {
  const values = config();
  return type === "telehealth" ? values.ACUITY_TELEHEALTH_TYPE_ID : values.ACUITY_IN_PERSON_TYPE_ID;
}

export const APPOINTMENT_TYPE_LABELS: Record<AppointmentType, string> = {
  in_person: "In person",
  telehealth: "Telehealth",
};
