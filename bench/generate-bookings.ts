/**
 * Fills a scratch database with a large, plausible booking history entirely in SQL
 * (INSERT … SELECT generate_series), so a million rows take seconds, not minutes.
 *
 * Two shapes:
 *   many small organizations (the default, `BenchShape`): its own organizations, teams, people
 *     and specialists ('o7', 't7-1', 's3', 'u-o7-member-2', …) — e.g. 200 organizations of 5,000.
 *   large organizations (`{ kind: "large-org" }`): the bookings of the demo world already seeded
 *     (db/seed: 3 organizations, 6 specialists, the demo logins) — 1,000,000 bookings make
 *     organizations of ≈ 333,000 and specialists of ≈ 170,000, a large insurer's book, which the
 *     HTTP benchmark (bench/http-pages.ts) signs in to as the demo's people.
 */
import type { Pool } from "pg";

export interface BenchShape {
  kind?: "many-small-organizations";
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
/** Surnames start with one of these (exported for the generator's test). */
export const PREFIX = [
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

/** The demo's organizations, teams, people and specialists, with this many bookings among them. */
export interface LargeOrganizationShape {
  kind: "large-org";
  bookings: number;
}

/**
 * The examinee's name for row `g`: 20 × 20 × 20 names, searchable by whole words and by parts.
 * The surname's prefix follows g / 20, not g: both `g * 7` and `g * 13` are fixed by g mod 20, which
 * tied each first name to one prefix (20 pairs, not 400) — the only "ma" names were "Maria Whit…"
 * and "Michael Mac…", so a name-ordered walk for "ma" passed every A–L name before its first match,
 * where real surnames spread over every first name.
 */
const EXAMINEE_NAME_SQL = `(${sqlArray(FIRST)})[1 + (g * 7) % ${FIRST.length}] || ' ' ||
  (${sqlArray(PREFIX)})[1 + ((g / ${FIRST.length}) * 13) % ${PREFIX.length}] ||
  (${sqlArray(SUFFIX)})[1 + ((g * 31) / 7) % ${SUFFIX.length}]`;

/** Drops the secondary indexes of bookings (a bulk load is far quicker without them); returns their rebuild. */
async function withoutBookingIndexes(pool: Pool, load: () => Promise<void>): Promise<void> {
  const { rows: indexes } = await pool.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.tablename = 'bookings' AND i.schemaname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const index of indexes) await pool.query(`DROP INDEX "${index.indexname}"`);
  await load();
  for (const index of indexes) await pool.query(index.indexdef);
}

/** Loads the shape's bookings (and, for many small organizations, their people). */
export async function generateBookings(
  pool: Pool,
  shape: BenchShape | LargeOrganizationShape,
): Promise<void> {
  if (shape.kind === "large-org") return generateLargeOrganizationBookings(pool, shape.bookings);
  return generateManySmallOrganizations(pool, shape);
}

/** Ids are predictable ('o7', 't7-1', 's3', 'u-o7-member-2', …). */
async function generateManySmallOrganizations(pool: Pool, shape: BenchShape): Promise<void> {
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
  await withoutBookingIndexes(pool, async () => {
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
           ${EXAMINEE_NAME_SQL},
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
  });
  await q(`VACUUM ANALYZE`);
}

/**
 * The large-organization shape over the demo world (seedDemoData must have run): booking g goes to
 * organization g % 3 and, independently, specialist (g / 7) % 6. Within its organization four in
 * five are a team's (booked by one of that team's people), one in five the organization's own
 * (booked by its owner). Appointments spread over two years back and 70 days ahead, each stage as
 * the state machine leaves it for that time (Knuth's multiplicative hash scatters them, so a small run
 * spreads as a large one does); three in five carry a claim number. The report's due
 * day comes from the database's own trigger (bookings_set_report_due_on), as for every writer.
 */
async function generateLargeOrganizationBookings(pool: Pool, bookings: number): Promise<void> {
  const q = (sql: string) => pool.query(sql);
  // One row per (organization, slot): slots 0–3 are the teams in turn, slot 4 no team. A plain
  // table, not TEMP: the pool may run the next statement on another connection.
  await q(`DROP TABLE IF EXISTS bench_booking_slots`);
  await q(`
    CREATE UNLOGGED TABLE bench_booking_slots AS
    WITH orgs AS (
      SELECT o.id, row_number() OVER (ORDER BY o.name) - 1 AS org_index
        FROM organizations o
       WHERE EXISTS (SELECT 1 FROM members m WHERE m.organization_id = o.id AND m.role = 'owner')
    ), org_teams AS (
      SELECT t.id, t.organization_id, row_number() OVER (PARTITION BY t.organization_id ORDER BY t.name) - 1 AS team_index,
             count(*) OVER (PARTITION BY t.organization_id) AS team_count
        FROM teams t JOIN orgs ON orgs.id = t.organization_id
    )
    SELECT orgs.org_index, slot,
           orgs.id AS organization_id,
           CASE WHEN slot < 4 THEN team.id END AS team_id,
           CASE WHEN slot < 4 THEN
             (SELECT array_agg(tm.user_id ORDER BY tm.user_id) FROM team_members tm WHERE tm.team_id = team.id)
           ELSE
             (SELECT array_agg(m.user_id ORDER BY m.user_id) FROM members m WHERE m.organization_id = orgs.id AND m.role = 'owner')
           END AS bookers
      FROM orgs CROSS JOIN generate_series(0, 4) slot
      LEFT JOIN org_teams team ON team.organization_id = orgs.id AND slot < 4 AND team.team_index = slot % team.team_count`);
  const {
    rows: [world],
  } = await pool.query<{
    organizations: number;
    slots_without_bookers: number;
    specialists: string[] | null;
  }>(
    `SELECT (SELECT count(DISTINCT org_index)::int FROM bench_booking_slots) AS organizations,
            (SELECT count(*)::int FROM bench_booking_slots WHERE bookers IS NULL) AS slots_without_bookers,
            (SELECT array_agg(id ORDER BY name) FROM specialists) AS specialists`,
  );
  if (!world || world.organizations === 0 || !world.specialists)
    throw new Error("The large-organization shape needs the demo world: run seedDemoData first.");
  if (world.slots_without_bookers > 0) throw new Error("Every demo team needs a member to book for it.");
  const O = world.organizations;
  const specialistIds = world.specialists;
  const S = specialistIds.length;

  await withoutBookingIndexes(pool, async () => {
    await q(`
      INSERT INTO bookings (id, acuity_appointment_id, specialist_id, organization_id, team_id, created_by_id,
                            examinee_name, examinee_phone, examinee_email, appointment_date, appointment_type, meeting_link,
                            status, current_progress, source, claim_number, report_type, created_at, updated_at)
      SELECT 'bl' || g,
             (90000000 + g)::text,
             (${sqlArray(specialistIds)})[1 + (g / 7) % ${S}],
             slot.organization_id,
             slot.team_id,
             slot.bookers[1 + (g / ${O * 5}) % cardinality(slot.bookers)],
             ${EXAMINEE_NAME_SQL},
             '+1' || (2012000000 + (g::bigint * 7919) % 7900000000)::text,
             CASE WHEN g % 4 = 0 THEN 'examinee' || g || '@example.test' END,
             at,
             CASE WHEN g % 3 = 0 THEN 'telehealth' ELSE 'in_person' END,
             CASE WHEN g % 3 = 0 THEN 'https://meet.example.test/ime-' || g END,
             CASE WHEN at < now() - interval '400 days' THEN 'archived' WHEN at < now() - interval '200 days' THEN 'closed' ELSE 'active' END,
             -- (g / 11): not g itself, which would tie each organization or specialist to one stage.
             CASE WHEN at > now() THEN (ARRAY['scheduled','scheduled','scheduled','rescheduled','cancelled'])[1 + (g / 11) % 5]
                  WHEN at > now() - interval '30 days' THEN (ARRAY['generating_report','generating_report','report_generated','no_show','cancelled'])[1 + (g / 11) % 5]
                  ELSE (ARRAY['payment_received','payment_received','payment_received','report_generated','no_show','cancelled'])[1 + (g / 11) % 6] END,
             CASE WHEN g % 7 = 3 THEN 'acuity_direct' ELSE 'portal' END,
             CASE WHEN g % 5 < 3 THEN 'CLM-' || (2024 + g % 3) || '-' || lpad(((g::bigint * 7919) % 1000000)::text, 6, '0') END,
             CASE WHEN g % 5 < 3 THEN (ARRAY['Independent medical examination','File review','Addendum'])[1 + g % 3] END,
             at - interval '20 days',
             at - interval '20 days'
        FROM generate_series(0, ${bookings - 1}) g
        JOIN bench_booking_slots slot ON slot.org_index = g % ${O} AND slot.slot = (g / ${O}) % 5,
             LATERAL (SELECT now() - interval '730 days' + (g::bigint * 2654435761 % (800 * 86400)) * interval '1 second' AS at) t`);
  });
  await q(`DROP TABLE bench_booking_slots`);
  await q(`VACUUM ANALYZE`);
}
