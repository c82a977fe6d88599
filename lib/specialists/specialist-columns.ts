import { specialists } from "@/db/schema";

/** What every screen shows of a specialist and booking needs (calendar, zone, address). */
export const specialistSummaryColumns = {
  id: specialists.id,
  name: specialists.name,
  specialty: specialists.specialty,
  location: specialists.location,
  timezone: specialists.timezone,
  acuityCalendarId: specialists.acuityCalendarId,
};
