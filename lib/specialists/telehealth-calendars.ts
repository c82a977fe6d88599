import { getAcuityClient, type AcuityClient } from "@/lib/acuity";
import { acuityAppointmentTypeId } from "@/lib/availability/appointment-types";
import { TtlCache } from "@/lib/availability/ttl-cache";
import { log, LOG_EVENTS } from "@/lib/log";

// Appointment types change rarely (an admin edits them in Acuity); five minutes is plenty.
const catalog = new TtlCache<Set<string> | null>(5 * 60_000, 10);

/**
 * The Acuity calendars that offer the telehealth appointment type, or null when Acuity
 * cannot be asked right now (callers then show every specialist rather than none).
 */
export function telehealthCalendarIds(acuity: AcuityClient = getAcuityClient()): Promise<Set<string> | null> {
  return catalog.getOrLoad("telehealth", async () => {
    try {
      const types = await acuity.listAppointmentTypes();
      const telehealth = types.find((t) => t.id === acuityAppointmentTypeId("telehealth"));
      return new Set((telehealth?.calendarIDs ?? []).map(String));
    } catch (error) {
      log.warn(
        { event: LOG_EVENTS.acuityAppointmentTypesUnreadable, err: error },
        "could not read Acuity appointment types",
      );
      return null;
    }
  });
}
