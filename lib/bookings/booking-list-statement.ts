import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { SubqueryWithSelection } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { bookings, organizations, specialists, teams } from "@/db/schema";
import type { BookingSort } from "./booking-list-query";

type PickedSubquery = SubqueryWithSelection<{ id: SQL.Aliased<string> }, "picked">;

/** The select that picks a page's booking ids, as `picked_id` (pickedBookingIds in list-bookings.ts). */
export interface PickedIds {
  toSQL(): { sql: string; params: unknown[] };
  as(alias: "picked"): PickedSubquery;
}

/**
 * The list's statement around the page's picked ids: joins them to their specialist,
 * organization and team, adds the newest report, and orders the page. All of it is fixed for a
 * sort; only the picked ids' select carries the viewer, the view, the search and the filters.
 */
function pageAround(db: DbOrTx, picked: PickedSubquery, sort: BookingSort) {
  const direction = sort.direction === "asc" ? asc : desc;
  const page = db
    .select({
      id: bookings.id,
      examineeName: bookings.examineeName,
      examineePhone: bookings.examineePhone,
      appointmentDate: bookings.appointmentDate,
      appointmentType: bookings.appointmentType,
      meetingLink: bookings.meetingLink,
      currentProgress: bookings.currentProgress,
      status: bookings.status,
      source: bookings.source,
      claimNumber: bookings.claimNumber,
      caseManagerReference: bookings.caseManagerReference,
      specialistId: bookings.specialistId,
      // Three tables have a `name`: aliased, so the outer query can tell them apart.
      specialistName: sql<string>`${specialists.name}`.as("specialist_name"),
      specialistTimezone: specialists.timezone,
      organizationId: bookings.organizationId,
      organizationName: sql<string>`${organizations.name}`.as("organization_name"),
      organizationSlug: organizations.slug,
      teamId: bookings.teamId,
      teamName: sql<string | null>`${teams.name}`.as("team_name"),
      createdById: bookings.createdById,
      createdForId: bookings.createdForId,
      createdAt: bookings.createdAt,
      // Kept on the booking from its documents (migration 0020), as the homes read them.
      hasBrief: bookings.hasBrief,
      hasConsentForm: bookings.hasConsentForm,
    })
    .from(picked)
    .innerJoin(bookings, eq(bookings.id, picked.id))
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
    .leftJoin(teams, eq(teams.id, bookings.teamId))
    .as("page");

  const outerSort = {
    appointmentDate: [page.appointmentDate],
    examineeName: [page.examineeName],
    specialist: [page.specialistName, page.appointmentDate],
    progress: [page.currentProgress, page.appointmentDate],
    createdAt: [page.createdAt],
  }[sort.column];
  // Written out: inside a sql template drizzle leaves a subquery's column unqualified, and a bare
  // "id" would mean documents.id there.
  const pageId = sql.raw(`"page"."id"`);
  const selection = {
    id: page.id,
    examineeName: page.examineeName,
    examineePhone: page.examineePhone,
    appointmentDate: page.appointmentDate,
    appointmentType: page.appointmentType,
    meetingLink: page.meetingLink,
    currentProgress: page.currentProgress,
    status: page.status,
    source: page.source,
    claimNumber: page.claimNumber,
    caseManagerReference: page.caseManagerReference,
    specialistId: page.specialistId,
    specialistName: page.specialistName,
    specialistTimezone: page.specialistTimezone,
    organizationId: page.organizationId,
    organizationName: page.organizationName,
    organizationSlug: page.organizationSlug,
    teamId: page.teamId,
    teamName: page.teamName,
    createdById: page.createdById,
    createdForId: page.createdForId,
    createdAt: page.createdAt,
    hasBrief: page.hasBrief,
    hasConsentForm: page.hasConsentForm,
    report: sql<{ id: string; fileName: string } | null>`(
      select json_build_object('id', d.id, 'fileName', d.file_name) from documents d
       where d.booking_id = ${pageId} and d.category = 'report'
       order by d.created_at desc, d.id desc limit 1)`,
  };
  return db
    .select(selection)
    .from(page)
    .orderBy(...outerSort.map((column) => direction(column)), direction(page.id));
}

/** Stands in for the picked ids while a sort's fixed text is built; never sent. */
const PICKED_MARK = "__picked_booking_ids__";

interface FixedText {
  /** Everything before the picked ids' select (ends with its opening bracket). */
  head: string;
  /** Everything after it (starts with its closing bracket). */
  tail: string;
  /** The select list's fields in its order: what each row's values are (listRowFrom). */
  columns: string[];
}

const fixedTexts = new Map<string, FixedText>();

/**
 * The statement's text around the picked ids for a sort, built by drizzle once per sort and
 * direction (ten at most) — not per call. Why: building the statement was ≈ 6% of the server's
 * CPU for a page of bookings at 1,000,000 (issue 14): drizzle identifies each of its hundreds of
 * pieces by walking its class chain (drizzle's is()), and most of them are this fixed part.
 * It holds no parameter, so the picked select's own $1… are the whole statement's.
 */
function fixedTextFor(db: DbOrTx, sort: BookingSort): FixedText {
  const key = `${sort.column}.${sort.direction}`;
  const known = fixedTexts.get(key);
  if (known) return known;
  const mark = db.select({ id: sql<string>`${bookings.id}`.as("picked_id") }).from(sql.raw(PICKED_MARK));
  const query = pageAround(db, mark.as("picked"), sort);
  const whole = query.toSQL();
  const markText = `(${mark.toSQL().sql})`;
  const at = whole.sql.indexOf(markText);
  if (at < 0 || whole.params.length > 0 || whole.sql.indexOf(markText, at + 1) >= 0)
    throw new Error(
      "the bookings list's fixed text no longer holds its picked ids once: see booking-list-statement.ts",
    );
  const text = {
    head: whole.sql.slice(0, at + 1),
    tail: whole.sql.slice(at + markText.length - 1),
    columns: Object.keys(query._.selectedFields),
  };
  fixedTexts.set(key, text);
  return text;
}

/** The list's statement: the sort's fixed text around the picked ids' select, built now. */
export function bookingListStatement(db: DbOrTx, picked: PickedIds, sort: BookingSort) {
  const { head, tail, columns } = fixedTextFor(db, sort);
  const ids = picked.toSQL();
  return { sql: `${head}${ids.sql}${tail}`, params: ids.params, columns };
}

/** The same statement built whole by drizzle: what bookingListStatement must equal (its test). */
export function bookingListStatementBuiltWhole(db: DbOrTx, picked: PickedIds, sort: BookingSort) {
  return pageAround(db, picked.as("picked"), sort).toSQL();
}
