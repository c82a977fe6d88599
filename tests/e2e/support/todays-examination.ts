import { randomBytes } from "node:crypto";
import { zonedTimeToInstant } from "@/lib/time/zoned";
import { queryPortalDatabase } from "./portal";

export const SPECIALIST = { email: "priya.natarajan@specialists.test", name: "Dr. Priya Natarajan" };
export const REFERRER = { email: "owner@northwind.test", organization: "Northwind Insurance" };

/**
 * Books an examination for today, 30 minutes ago in the specialist's zone (or just after
 * midnight there, early in their day), made by the referrer — as the booking flow would leave
 * it — with a brief but no consent form. The demo seed has no appointments today.
 */
export async function insertTodaysExamination() {
  const tag = randomBytes(4).toString("hex");
  const [specialist] = await queryPortalDatabase<{ id: string; timezone: string }>(
    "select s.id, s.timezone from specialists s join users u on u.id = s.user_id where u.email = $1",
    [SPECIALIST.email],
  );
  const [referrer] = await queryPortalDatabase<{ user_id: string; organization_id: string }>(
    "select m.user_id, m.organization_id from members m join users u on u.id = m.user_id where u.email = $1",
    [REFERRER.email],
  );
  const now = new Date();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: specialist!.timezone }).format(now);
  const startOfDay = zonedTimeToInstant(today, "00:00", specialist!.timezone);
  const appointment = new Date(Math.max(now.getTime() - 30 * 60_000, startOfDay.getTime() + 1_000));
  const bookingId = `e2e-today-${tag}`;
  const examineeName = `Tess Today ${tag}`;
  await queryPortalDatabase(
    `insert into bookings (id, acuity_appointment_id, specialist_id, organization_id, created_by_id, examinee_name,
       examinee_phone, appointment_date, appointment_type, current_progress, created_at)
     values ($1, $2, $3, $4, $5, $6, '+12125550199', $7, 'in_person', 'scheduled', $8)`,
    [
      bookingId,
      `e2e-${tag}`,
      specialist!.id,
      referrer!.organization_id,
      referrer!.user_id,
      examineeName,
      appointment,
      new Date(now.getTime() - 7 * 86_400_000),
    ],
  );
  await queryPortalDatabase(
    `insert into booking_progress (id, booking_id, progress, changed_by_id, notes, created_at) values ($1, $2, 'scheduled', $3, 'Booked', $4)`,
    [`e2e-progress-${tag}`, bookingId, referrer!.user_id, new Date(now.getTime() - 7 * 86_400_000)],
  );
  await queryPortalDatabase(
    `insert into documents (id, booking_id, uploaded_by_id, s3_key, file_name, file_size, mime_type, category)
     values ($1, $2, $3, $4, 'brief.pdf', 1000, 'application/pdf', 'brief')`,
    [`e2e-brief-${tag}`, bookingId, referrer!.user_id, `e2e/${bookingId}/brief.pdf`],
  );
  return { bookingId, examineeName, specialistId: specialist!.id };
}
