/**
 * Fills a scratch database with a large, plausible booking history entirely in SQL
 * (INSERT … SELECT generate_series), so a million rows take seconds, not minutes.
 */
import type { Pool } from "pg";

export interface BenchShape {
  bookings: number;
  organizations: number;
  specialists: number;
  teamsPerOrganization: number;
  membersPerOrganization: number;
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
  "Ahmed",
  "Yuki",
  "Olga",
  "Chen",
  "Fatima",
  "Pedro",
  "Ingrid",
  "Kwame",
];
const PREFIX = [
  "Kowal",
  "Garc",
  "Ok",
  "Tan",
  "Haddad",
  "Ross",
  "Silv",
  "Nguy",
  "Brenn",
  "Mur",
  "Fitz",
  "Lind",
  "Ber",
  "Hart",
  "Stein",
  "Van",
  "Mac",
  "Del",
  "Ost",
  "Whit",
];
const SUFFIX = [
  "ski",
  "ia",
  "oye",
  "aka",
  "i",
  "a",
  "en",
  "son",
  "berg",
  "ley",
  "gerald",
  "strom",
  "ger",
  "well",
  "feld",
  "dyke",
  "kay",
  "gado",
  "rom",
  "aker",
];
const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;

/** Returns the time spent; ids are predictable ('o7', 't7-1', 's3', 'u-o7-member-2', …). */
export async function generateBookings(pool: Pool, shape: BenchShape): Promise<void> {
  const { organizations: O, specialists: S, teamsPerOrganization: T, membersPerOrganization: M } = shape;
  const q = (sql: string) => pool.query(sql);
  await q(`INSERT INTO users (id, name, email, email_verified, role, created_at, updated_at)
           SELECT 'u-admin', 'Bench Admin', 'admin@bench.test', true, 'admin', now(), now()`);
  await q(`INSERT INTO organizations (id, name, slug, created_at)
           SELECT 'o' || g, 'Organization ' || g, 'org-' || g, now() FROM generate_series(0, ${O - 1}) g`);
  await q(`INSERT INTO teams (id, name, organization_id, created_at)
           SELECT 't' || o || '-' || t, 'Team ' || t, 'o' || o, now() FROM generate_series(0, ${O - 1}) o, generate_series(0, ${T - 1}) t`);
  // Per organization: member 0 is the owner, 1 an admin, the rest members of team (m % T).
  await q(`INSERT INTO users (id, name, email, email_verified, role, created_at, updated_at)
           SELECT 'u-o' || o || '-' || m, 'Person ' || o || '-' || m, 'p' || o || '-' || m || '@bench.test', true, 'user', now(), now()
             FROM generate_series(0, ${O - 1}) o, generate_series(0, ${M - 1}) m`);
  await q(`INSERT INTO members (id, organization_id, user_id, role, created_at)
           SELECT 'm-o' || o || '-' || m, 'o' || o, 'u-o' || o || '-' || m, CASE m WHEN 0 THEN 'owner' WHEN 1 THEN 'admin' ELSE 'member' END, now()
             FROM generate_series(0, ${O - 1}) o, generate_series(0, ${M - 1}) m`);
  await q(`INSERT INTO team_members (id, team_id, user_id, created_at)
           SELECT 'tm-o' || o || '-' || m, 't' || o || '-' || (m % ${T}), 'u-o' || o || '-' || m, now()
             FROM generate_series(0, ${O - 1}) o, generate_series(2, ${M - 1}) m`);
  await q(`INSERT INTO users (id, name, email, email_verified, role, created_at, updated_at)
           SELECT 'u-s' || g, 'Dr. Bench ' || g, 's' || g || '@bench.test', true, 'user', now(), now() FROM generate_series(0, ${S - 1}) g`);
  await q(`INSERT INTO specialists (id, user_id, acuity_calendar_id, name, specialty, location, timezone)
           SELECT 's' || g, 'u-s' || g, (100000 + g)::text, 'Dr. Bench ' || g, 'Specialty ' || (g % 8),
                  CASE WHEN g % 5 = 0 THEN NULL ELSE 'Street ' || g || ', City ' || (g % 10) || ', ST' END, 'America/New_York'
             FROM generate_series(0, ${S - 1}) g`);

  // Bulk load without the secondary indexes, then rebuild them from their own definitions.
  const { rows: indexes } = await pool.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.tablename = 'bookings' AND i.schemaname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const index of indexes) await q(`DROP INDEX "${index.indexname}"`);
  await q(`
    INSERT INTO bookings (id, acuity_appointment_id, specialist_id, organization_id, team_id, created_by_id, created_for_id,
                          examinee_name, examinee_phone, examinee_email, appointment_date, appointment_type, meeting_link,
                          status, current_progress, source, notes, created_at, updated_at)
    SELECT 'b' || g,
           (1000000 + g)::text,
           's' || (g % ${S}),
           'o' || (g % ${O}),
           CASE WHEN g % 5 = 0 THEN NULL ELSE 't' || (g % ${O}) || '-' || ((g / ${O}) % ${T}) END,
           'u-o' || (g % ${O}) || '-' || ((g / ${O}) % ${M}),
           NULL,
           (${sqlArray(FIRST)})[1 + (g * 7) % ${FIRST.length}] || ' ' ||
             (${sqlArray(PREFIX)})[1 + (g * 13) % ${PREFIX.length}] || (${sqlArray(SUFFIX)})[1 + ((g * 31) / 7) % ${SUFFIX.length}],
           '+1' || (2012000000 + (g::bigint * 7919) % 7900000000)::text,
           NULL,
           at,
           CASE WHEN g % 3 = 0 THEN 'telehealth' ELSE 'in_person' END,
           CASE WHEN g % 3 = 0 THEN 'https://meet.example.test/ime-' || g ELSE NULL END,
           CASE WHEN at < now() - interval '400 days' THEN 'archived' WHEN at < now() - interval '200 days' THEN 'closed' ELSE 'active' END,
           -- (g / 3): not g itself, which would tie each organization (g % 200) to one stage.
           CASE WHEN at > now() THEN (ARRAY['scheduled','scheduled','rescheduled','cancelled'])[1 + (g / 3) % 4]
                ELSE (ARRAY['generating_report','report_generated','payment_received','no_show','cancelled'])[1 + (g / 3) % 5] END,
           CASE WHEN g % 7 = 3 THEN 'acuity_direct' ELSE 'portal' END,
           NULL,
           at - interval '20 days',
           at - interval '20 days'
      FROM generate_series(0, ${shape.bookings - 1}) g,
           LATERAL (SELECT now() - interval '730 days' + (g::bigint * 823 % (800 * 86400)) * interval '1 second' AS at) t`);
  for (const index of indexes) await q(index.indexdef);
  await q(`VACUUM ANALYZE`);
}
