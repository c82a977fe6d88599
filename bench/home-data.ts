/**
 * What the homes read and the bookings generator does not write, in SQL over the generated
 * bookings — for bench:homes and bench:http alike (the referrer home's "reports ready" walks
 * report_generated bookings that have a report: without the reports, it walked every one of them).
 */
import type { Pool } from "pg";

export async function addHomeData(pool: Pool) {
  const q = (text: string) => pool.query(text);
  // Briefs (two in three) and consent forms (one in two) for examinations from 60 days back on.
  await q(`
    INSERT INTO documents (id, booking_id, uploaded_by_id, s3_key, file_name, file_size, mime_type, category, created_at)
    SELECT 'd-' || kind || '-' || b.id, b.id, b.created_by_id, 'bench/' || b.id || '/' || kind, kind || '.pdf', 100000,
           'application/pdf', kind, b.created_at + interval '1 day'
      FROM bookings b
      CROSS JOIN (VALUES ('brief'), ('consent_form')) k(kind)
     WHERE b.appointment_date > now() - interval '60 days'
       AND ((k.kind = 'brief' AND abs(hashtext(b.id)) % 3 <> 0) OR (k.kind = 'consent_form' AND abs(hashtext(b.id)) % 2 = 0))`);
  // A report for every booking past "report ready".
  await q(`
    INSERT INTO documents (id, booking_id, uploaded_by_id, s3_key, file_name, file_size, mime_type, category, created_at)
    SELECT 'd-report-' || b.id, b.id, s.user_id, 'bench/' || b.id || '/report', 'report.pdf', 300000, 'application/pdf',
           'report', least(now(), b.appointment_date + (1 + abs(hashtext(b.id)) % 15) * interval '1 day')
      FROM bookings b JOIN specialists s ON s.id = b.specialist_id
     WHERE b.current_progress IN ('report_generated', 'payment_received')`);
  // Reschedules and cancellations: half by the specialist's side (their user), half by the booker.
  await q(`
    INSERT INTO booking_progress (id, booking_id, progress, changed_by_id, created_at)
    SELECT 'p-change-' || b.id, b.id, b.current_progress,
           CASE WHEN abs(hashtext(b.id)) % 2 = 0 THEN s.user_id ELSE b.created_by_id END,
           CASE WHEN b.appointment_date > now() THEN now() - (abs(hashtext(b.id)) % 30) * interval '1 day'
                ELSE b.appointment_date - interval '1 day' END
      FROM bookings b JOIN specialists s ON s.id = b.specialist_id
     WHERE b.current_progress IN ('rescheduled', 'cancelled') AND b.status <> 'archived'`);
  // "Report ready" history over the last 200 days, for the turnaround chart.
  await q(`
    INSERT INTO booking_progress (id, booking_id, progress, changed_by_id, created_at)
    SELECT 'p-report-' || b.id, b.id, 'report_generated', s.user_id,
           least(now(), b.appointment_date + (1 + abs(hashtext(b.id)) % 15) * interval '1 day')
      FROM bookings b JOIN specialists s ON s.id = b.specialist_id
     WHERE b.current_progress IN ('report_generated', 'payment_received')
       AND b.appointment_date > now() - interval '200 days'`);
  // Webhook events and e-mails that wait for a person, among many that do not.
  await q(`
    INSERT INTO webhook_events (id, event_type, resource_id, payload, processed_at, error, next_attempt_at, created_at)
    SELECT 'w-' || g, 'appointment.rescheduled', (90000000 + g)::text, '{}'::jsonb,
           CASE WHEN g % 50 = 0 THEN NULL ELSE now() END,
           CASE WHEN g % 50 = 0 THEN 'The appointment could not be read from Acuity.' END,
           CASE WHEN g % 50 = 0 THEN NULL ELSE now() END,
           now() - g * interval '1 minute'
      FROM generate_series(1, 50000) g`);
  await q(`
    INSERT INTO outbox_emails (id, kind, status, to_address, attempts, error, created_at)
    SELECT 'e-' || g, 'booking_confirmed', CASE WHEN g % 100 = 0 THEN 'failed' ELSE 'sent' END,
           'person' || g || '@example.test', 1, CASE WHEN g % 100 = 0 THEN 'Mailbox unavailable' END,
           now() - g * interval '1 minute'
      FROM generate_series(1, 100000) g`);
  await q(`VACUUM ANALYZE`);
}
