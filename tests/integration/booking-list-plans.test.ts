/**
 * The bookings list's page and its tabs' counts are named statements (db/named-statement.ts):
 * after five calls on a connection PostgreSQL may keep one generic plan for each — a plan that no
 * longer sees the values. Every viewer must still get their own bookings and counts from it, and a
 * search's count, whose plan must see its pattern, must stay unnamed (planned for each call).
 */
import { eq, inArray, sql, TransactionRollbackError } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { getDb, getPool, type Database, type Tx } from "@/db/client";
import { PortalClient } from "@/db/connection-scope";
import { hiddenFromPlanner, textValuesHiddenFromPlanner } from "@/db/named-statement";
import * as schema from "@/db/schema";
import { bookings } from "@/db/schema";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { bookingFilterOptions } from "@/lib/bookings/booking-filter-options";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { SEARCH_COUNT_CAP } from "@/lib/bookings/count-bookings";
import { newId } from "@/lib/ids";
import { DEFAULT_BOOKING_SORT, defaultSortFor } from "@/lib/bookings/booking-list-query";
import { bookingListStatement } from "@/lib/bookings/booking-list-statement";
import { listBookingsForViewer, pickedBookingIds, type BookingListRow } from "@/lib/bookings/list-bookings";
import { ACTOR_KEYS, VISIBLE, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

/**
 * `work` in a transaction that is rolled back after it, whatever it changed: each case's stages and
 * dates stay its own. (drizzle rolls back by throwing; the rollback is expected, anything else fails.)
 */
async function inRolledBackTransaction(
  work: (tx: Tx) => Promise<void>,
  db: Database = getDb(),
): Promise<void> {
  await expect(
    db.transaction(async (tx) => {
      await work(tx);
      tx.rollback();
    }),
  ).rejects.toThrow(TransactionRollbackError);
}

let id: IdOf;
let bookingIds: Record<BookingKey, string>;
const lastFour = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");

beforeAll(async () => {
  ({ id, bookingIds } = await insertAuthzWorld({
    examineePhone: `+1646556${lastFour}`,
    withMemberships: true,
  }));
});

// The fixture's specialists are this world's own: filtering by one keeps other files' bookings out.
const BOOKINGS_OF = {
  S1: ["aTeam2", "bTeam1"],
  S2: ["aNoTeam", "aTeam1", "aTeam2ForMember", "aTeam2ByMember1", "bNoTeam"],
} as const satisfies Record<string, readonly BookingKey[]>;

async function pageFor(tx: Tx, actorKey: (typeof ACTOR_KEYS)[number], params: Record<string, string>) {
  const actor = (await loadActor(tx, id(actorKey), null))!;
  const page = await listBookingPageForViewer(tx, actor, parseBookingListParams(params), "UTC");
  const keyOf = new Map(Object.entries(bookingIds).map(([key, bookingId]) => [bookingId, key]));
  return { keys: page.rows.map((row) => keyOf.get(row.id)).sort(), total: page.total };
}

/** The bookings list's statements prepared on this connection, with how each was planned. */
const listStatements = async (tx: Tx) =>
  (
    await tx.execute<{ statement: string; generic_plans: number; custom_plans: number }>(
      sql`select statement, generic_plans::int, custom_plans::int from pg_prepared_statements
           where statement like '%from "bookings"%'`,
    )
  ).rows;

/** Letters only (digits would be read as a phone number), unlike any other examinee's name. */
const randomLetters = () =>
  `zq${Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxy"[Math.floor(Math.random() * 25)]).join("")}`;

/** `count` more of organization A's bookings, each examinee named with `tag`, an hour apart. */
async function insertNamesakes(tx: Tx, tag: string, count: number) {
  const [template] = await tx.select().from(bookings).where(eq(bookings.id, bookingIds.aNoTeam));
  const first = Date.now() + 30 * 86_400_000;
  await tx.insert(bookings).values(
    Array.from({ length: count }, (_, i) => {
      const bookingId = newId();
      return {
        ...template!,
        id: bookingId,
        acuityAppointmentId: `namesake-${bookingId}`,
        examineeName: `Namesake ${tag} ${i}`,
        appointmentDate: new Date(first + i * 3_600_000),
      };
    }),
  );
}

describe("the bookings list's kept plans", () => {
  it("answer each viewer for themselves, call after call on one connection", async () => {
    await getDb().transaction(async (tx) => {
      for (let round = 0; round < 2; round++) {
        for (const actorKey of ACTOR_KEYS) {
          for (const specialist of ["S1", "S2"] as const) {
            const page = await pageFor(tx, actorKey, { view: "all", specialist: id(specialist) });
            const expected = BOOKINGS_OF[specialist].filter((key) => VISIBLE[actorKey][key]).sort();
            expect(page.keys, `${actorKey}, ${specialist}'s bookings`).toEqual(expected);
            expect(page.total).toBe(expected.length);
          }
        }
      }
      // One text per shape of viewer (an owner's scope is written unlike a member's): the page's
      // statement and the tabs' count answered every call above, and each text called more than
      // five times (ownerA's and adminA's, say) was answered from the plan kept for it.
      const calls = ACTOR_KEYS.length * 2 * 2;
      for (const kind of ['select "id"', "select (select count(*)"]) {
        const statements = (await listStatements(tx)).filter((row) => row.statement.startsWith(kind));
        expect(statements.reduce((sum, row) => sum + row.generic_plans + row.custom_plans, 0)).toBe(calls);
        const reused = statements.filter((row) => row.generic_plans + row.custom_plans > 5);
        expect(reused.length).toBeGreaterThan(0);
        for (const row of reused) expect(row.generic_plans).toBeGreaterThan(0);
        // A `limit $n` costs a tenth of the table in a generic plan — dearer than the custom
        // plans at a large insurer's size, where PostgreSQL then kept planning every call.
        for (const row of statements) expect(row.statement).not.toMatch(/limit \$\d/);
      }
    });
  });

  it("write a Status filter into the text, and keep each viewer to their closed bookings", async () => {
    const closed: BookingKey[] = ["aTeam2", "bNoTeam"];
    await inRolledBackTransaction(async (tx) => {
      await tx
        .update(bookings)
        .set({ status: "closed" })
        .where(
          inArray(
            bookings.id,
            closed.map((key) => bookingIds[key]),
          ),
        );
      for (const actorKey of ACTOR_KEYS) {
        for (const specialist of ["S1", "S2"] as const) {
          const ofSpecialist = BOOKINGS_OF[specialist].filter((key) => VISIBLE[actorKey][key]);
          const page = await pageFor(tx, actorKey, {
            view: "all",
            status: "closed",
            specialist: id(specialist),
          });
          expect(page.keys, `${actorKey}, ${specialist}'s closed`).toEqual(
            ofSpecialist.filter((key) => closed.includes(key)).sort(),
          );
          const both = { view: "all", status: "active,closed", specialist: id(specialist) };
          expect((await pageFor(tx, actorKey, both)).keys, `${actorKey}, active and closed`).toEqual(
            [...ofSpecialist].sort(),
          );
        }
      }
      // A parameter hides the status from a kept (generic) plan, which then cannot use the
      // live bookings' partial indexes: "closed" walked the table (0.2–1.2 s at 1,000,000).
      const statements = await listStatements(tx);
      expect(statements.some((row) => row.statement.includes(`"bookings"."status" in ('closed')`))).toBe(
        true,
      );
      for (const row of statements) expect(row.statement).not.toMatch(/"status" in \(\$\d/);
    });
  });

  it("count a deep page's tabs with the first page's statement, and say how far its rows reach", async () => {
    await getDb().transaction(async (tx) => {
      const params = { view: "all", specialist: id("S2") };
      const expected = BOOKINGS_OF.S2.filter((key) => VISIBLE.ownerA[key]).length;
      await pageFor(tx, "ownerA", params);
      const counts = async () =>
        (await listStatements(tx)).filter((row) => row.statement.startsWith("select (select count(*)"));
      const before = await counts();
      const calls = (rows: typeof before) =>
        rows.reduce((sum, row) => sum + row.generic_plans + row.custom_plans, 0);
      // Page 200, far past this list's end: counted to the page, its tabs were a statement of their
      // own (`limit 5001`) planned for one use, and walked 5,001 index entries each at a large
      // insurer's size. Counted to the usual cap, they are the first page's, kept plan and all.
      const deep = await pageFor(tx, "ownerA", { ...params, page: "200" });
      expect(deep.keys).toEqual([]);
      expect(deep.total).toBe(expected);
      const after = await counts();
      const texts = (rows: typeof before) => rows.map((row) => row.statement).sort();
      expect(texts(after)).toEqual(texts(before));
      expect(calls(after)).toBe(calls(before) + 1);
    });
  });

  it("pick a search's page within its count's cap from the matches' ids: one kept plan for every pattern, each answered with its own rows", async () => {
    // Two names each shared by fewer of owner A's bookings than a search counts, and a phone search:
    // the count finds every match, and the page is picked from their ids through the primary key.
    const tags = [randomLetters(), randomLetters()];
    const searches = [...tags, `(646) 556-${lastFour}`];
    await inRolledBackTransaction(async (tx) => {
      for (const tag of tags) await insertNamesakes(tx, tag, 30);
      const owner = (await loadActor(tx, id("ownerA"), null))!;
      const ownersOwn = Object.keys(bookingIds).filter((key) => VISIBLE.ownerA[key as BookingKey]);
      for (let call = 0; call < 7; call++) {
        for (const search of searches) {
          const state = parseBookingListParams({ view: "all", q: search, page: "2", size: "10" });
          const page = await listBookingPageForViewer(tx, owner, state, "UTC");
          if (search.startsWith("(")) {
            // The namesakes copy a booking with the fixture's phone: they and the owner's own
            // fixture bookings share it — organization B's do too, and are not among them.
            expect(page.total, search).toBe(ownersOwn.length + 2 * 30);
            expect(page.rows, search).toHaveLength(10);
            for (const row of page.rows) expect(row.organizationId).toBe(id("A"));
            continue;
          }
          expect(page.total, search).toBe(30);
          expect(page.totalIsCapped).toBe(false);
          // Page 2 of 10, newest first: the namesakes 19 down to 10 (each an hour after the last).
          expect(page.rows.map((row) => row.examineeName)).toEqual(
            Array.from({ length: 10 }, (_, i) => `Namesake ${search} ${19 - i}`),
          );
          expect(page.hasNextPage).toBe(true);
        }
      }
      const picked = (await listStatements(tx)).filter(
        (row) => row.statement.startsWith('select "id"') && row.statement.includes("= any("),
      );
      expect(picked).toHaveLength(1);
      for (const search of tags) expect(picked[0]!.statement).not.toContain(search);
      expect(picked[0]!.generic_plans + picked[0]!.custom_plans).toBe(7 * searches.length);
      expect(picked[0]!.generic_plans).toBeGreaterThan(0);
      // The count, whose plan must see its pattern, stays unnamed.
      for (const row of await listStatements(tx)) expect(row.statement).not.toContain("scoped_trigrams");
    });
  });

  it("keep one plan for a search's rows past its count's cap, each pattern answered with its own rows", async () => {
    // Two names each shared by more of owner A's bookings than a search counts (SEARCH_COUNT_CAP):
    // their rows are walked newest first (searchBy "walk"), one text for both patterns.
    const tags = [randomLetters(), randomLetters()];
    await inRolledBackTransaction(async (tx) => {
      for (const tag of tags) await insertNamesakes(tx, tag, SEARCH_COUNT_CAP + 10);
      const owner = (await loadActor(tx, id("ownerA"), null))!;
      for (let call = 0; call < 7; call++) {
        for (const tag of tags) {
          const state = parseBookingListParams({ view: "all", q: tag });
          const page = await listBookingPageForViewer(tx, owner, state, "UTC");
          expect(page.totalIsCapped, tag).toBe(true);
          expect(page.rows).toHaveLength(state.pageSize);
          for (const row of page.rows) expect(row.examineeName).toContain(tag);
          const dates = page.rows.map((row) => row.appointmentDate.getTime());
          expect(dates, `${tag}: newest first`).toEqual([...dates].sort((a, b) => b - a));
        }
      }
      const walked = (await listStatements(tx)).filter(
        (row) => row.statement.startsWith('select "id"') && row.statement.includes(" ilike "),
      );
      expect(walked).toHaveLength(1);
      expect(walked[0]!.statement).not.toContain(tags[0]);
      expect(walked[0]!.generic_plans + walked[0]!.custom_plans).toBe(7 * tags.length);
      expect(walked[0]!.generic_plans).toBeGreaterThan(0);
      // The count through the scoped trigram keys stays planned for its pattern.
      for (const row of await listStatements(tx)) expect(row.statement).not.toContain("scoped_trigrams");
    });
  });

  it("keep a plan for each Type and Source, with the value in its text, each answering its own", async () => {
    await inRolledBackTransaction(async (tx) => {
      // The fixture's bookings are all telehealth, booked through the portal.
      const ofS2 = BOOKINGS_OF.S2.filter((key) => VISIBLE.ownerA[key]).sort();
      const filtered = (params: Record<string, string>) =>
        pageFor(tx, "ownerA", { view: "all", specialist: id("S2"), ...params });
      // Past five calls PostgreSQL may keep a generic plan: the answers must not change with it.
      for (let call = 0; call < 7; call++) {
        expect((await filtered({ type: "telehealth" })).keys).toEqual(ofS2);
        expect((await filtered({ type: "in_person" })).keys).toEqual([]);
        expect((await filtered({ source: "portal" })).keys).toEqual(ofS2);
        expect((await filtered({ source: "acuity_direct" })).keys).toEqual([]);
      }
      // A parameter would hide the type from a kept plan, which then walked a scope with few of
      // that type whole (an insurer's 9 telehealth bookings among 196,000).
      const statements = (await listStatements(tx)).map((row) => row.statement);
      for (const word of ["telehealth", "in_person"])
        expect(statements.some((text) => text.includes(`"bookings"."appointment_type" in ('${word}')`))).toBe(
          true,
        );
      for (const word of ["portal", "acuity_direct"])
        expect(statements.some((text) => text.includes(`"bookings"."source" in ('${word}')`))).toBe(true);
      for (const text of statements) expect(text).not.toMatch(/"(appointment_type|source)" (in \(|= )\$\d/);
    });
  });
});

describe("sorting by specialist and by progress", () => {
  // Each groups the list (by the specialist's name, by the stage); the appointment orders a group.
  const groupOf = {
    specialist: (row: BookingListRow) => row.specialistName,
    progress: (row: BookingListRow) => row.currentProgress,
  } as const;

  it("orders each group by the appointment — every page, both ways", async () => {
    await inRolledBackTransaction(async (tx) => {
      // Three stages among owner A's bookings, so the stage groups are more than one.
      await tx
        .update(bookings)
        .set({ currentProgress: "cancelled" })
        .where(eq(bookings.id, bookingIds.aTeam1));
      await tx
        .update(bookings)
        .set({ currentProgress: "generating_report" })
        .where(eq(bookings.id, bookingIds.aTeam2));
      await expectGroupedOrders(tx);
    });
  });

  it("by progress, each view and Progress filter lists its own bookings in stage order (the walk skips stages the view cannot hold)", async () => {
    await inRolledBackTransaction(async (tx) => {
      // Owner A's bookings in three stages, cancelled ones both past and upcoming.
      await tx
        .update(bookings)
        .set({ currentProgress: "cancelled" })
        .where(inArray(bookings.id, [bookingIds.aTeam1, bookingIds.aNoTeam]));
      await tx
        .update(bookings)
        .set({
          currentProgress: "generating_report",
          createdAt: new Date(Date.now() - 10 * 86_400_000),
          appointmentDate: new Date(Date.now() - 86_400_000),
        })
        .where(eq(bookings.id, bookingIds.aTeam2));
      await tx
        .update(bookings)
        .set({
          createdAt: new Date(Date.now() - 10 * 86_400_000),
          appointmentDate: new Date(Date.now() - 2 * 86_400_000),
        })
        .where(eq(bookings.id, bookingIds.aTeam1));
      const owner = (await loadActor(tx, id("ownerA"), null))!;
      const now = new Date();
      const byProgress = { column: "progress", direction: "asc" } as const;
      const cases = [
        { view: "upcoming" },
        { view: "past" },
        { view: "cancelled" },
        { view: "all" },
        { view: "all", progress: ["cancelled", "generating_report"] },
        { view: "past", progress: ["generating_report"] },
        // A filter the view cannot hold: nothing, not a walk of the stage.
        { view: "upcoming", progress: ["cancelled"] },
      ] as const;
      const seen = new Set<string>();
      for (const { view, ...filters } of cases) {
        const options = {
          view,
          now,
          filters: { progress: "progress" in filters ? [...filters.progress] : [] },
        };
        const byDate = await listBookingsForViewer(tx, owner, { ...options, sort: DEFAULT_BOOKING_SORT });
        const expected = [...byDate]
          .sort(
            (a, b) =>
              (a.currentProgress < b.currentProgress ? -1 : a.currentProgress > b.currentProgress ? 1 : 0) ||
              a.appointmentDate.getTime() - b.appointmentDate.getTime() ||
              (a.id < b.id ? -1 : 1),
          )
          .map((row) => row.id);
        const sorted = await listBookingsForViewer(tx, owner, { ...options, sort: byProgress });
        const label = `${view} ${JSON.stringify(filters)}`;
        expect(
          sorted.map((row) => row.id),
          label,
        ).toEqual(expected);
        for (const row of sorted) seen.add(`${view}:${row.currentProgress}`);
      }
      // The cases reached what they are about: cancelled bookings in Cancelled, none in Upcoming or Past.
      expect(seen).toContain("cancelled:cancelled");
      expect(seen).toContain("past:generating_report");
      expect([...seen].filter((key) => /^(upcoming|past):cancelled$/.test(key))).toEqual([]);
    });
  });

  async function expectGroupedOrders(tx: Tx) {
    const owner = (await loadActor(tx, id("ownerA"), null))!;
    const all = await listBookingsForViewer(tx, owner, { view: "all", sort: DEFAULT_BOOKING_SORT });
    expect(all.length).toBeGreaterThan(3);
    expect(new Set(all.map((row) => row.currentProgress)).size).toBe(3);
    for (const column of ["specialist", "progress"] as const) {
      for (const direction of ["asc", "desc"] as const) {
        const sign = direction === "asc" ? 1 : -1;
        const group = groupOf[column];
        const expected = [...all]
          .sort(
            (a, b) =>
              sign * (group(a) < group(b) ? -1 : group(a) > group(b) ? 1 : 0) ||
              sign * (a.appointmentDate.getTime() - b.appointmentDate.getTime()) ||
              sign * (a.id < b.id ? -1 : 1),
          )
          .map((row) => row.id);
        const sort = { column, direction } as const;
        const whole = await listBookingsForViewer(tx, owner, { view: "all", sort });
        expect(
          whole.map((row) => row.id),
          `${column} ${direction}`,
        ).toEqual(expected);
        // Each group's walk reaches past the offset: each page of two follows the one before.
        for (const offset of [0, 2, 4]) {
          const page = await listBookingsForViewer(tx, owner, { view: "all", sort, limit: 2, offset });
          expect(
            page.map((row) => row.id),
            `${column} ${direction}, from ${offset}`,
          ).toEqual(expected.slice(offset, offset + 2));
        }
      }
    }
  }

  it("keep one plan for every page after the first, each page answered with its own rows", async () => {
    // A page's OFFSET is a one-row subquery (offsetHiddenFromPlanner), and so are the instant Upcoming
    // starts at (hiddenFromPlanner) and the viewer's scope and filters (textValuesHiddenFromPlanner):
    // bare, each call's own plan saw them, and PostgreSQL planned every page after the first on
    // every call.
    // A connection of its own: the file's other cases fill the shared one's named statements to
    // their bound (NAMED_STATEMENTS_PER_CONNECTION), and this case's count of prepared statements
    // should be its own.
    const pool = new Pool({
      connectionString: getPool().options.connectionString,
      max: 1,
      Client: PortalClient,
    });
    onTestFinished(() => pool.end());
    await inRolledBackTransaction(
      async (tx) => {
        // 40 more of specialist S2's bookings with organization A, a month ahead: Upcoming.
        await insertNamesakes(tx, randomLetters(), 40);
        const owner = (await loadActor(tx, id("ownerA"), null))!;
        for (const view of ["all", "upcoming"] as const) {
          const options = { view, filters: { specialistId: id("S2") }, now: new Date() };
          const sort = defaultSortFor(view);
          const everything = await listBookingsForViewer(tx, owner, { ...options, sort, limit: 100 });
          expect(everything.length, view).toBeGreaterThanOrEqual(40);
          for (let page = 2; page <= 8; page++) {
            const offset = (page - 1) * 5;
            const rows = await listBookingsForViewer(tx, owner, { ...options, sort, limit: 5, offset });
            expect(
              rows.map((row) => row.id),
              `${view}, page ${page}`,
            ).toEqual(everything.slice(offset, offset + 5).map((row) => row.id));
          }
          // Pages 2 to 8 are one text: planned for their first five calls (PostgreSQL's rule), then kept.
          const picked = { ...options, now: hiddenFromPlanner(options.now), sort, limit: 5, offset: 5 };
          const text = textValuesHiddenFromPlanner(
            bookingListStatement(tx, pickedBookingIds(tx, owner, picked), sort),
          ).sql;
          const paged = (await listStatements(tx)).filter((row) => row.statement === text);
          expect(paged, view).toHaveLength(1);
          expect(paged[0]!.statement).toMatch(/ offset \(select \$\d+::bigint\)/);
          // The viewer's organization and the specialist filtered by, as every value: hidden.
          expect(paged[0]!.statement).toMatch(/"organization_id" in \(\(select \$\d+::text\)::text\)/);
          expect(paged[0]!.statement).not.toMatch(/(?<!\(select )\$\d+(?!\d|::)/);
          if (view === "upcoming")
            expect(paged[0]!.statement).toMatch(/"appointment_date" >= \(select \$\d+::timestamptz\)/);
          expect({ custom: paged[0]!.custom_plans, generic: paged[0]!.generic_plans }, view).toEqual({
            custom: 5,
            generic: 2,
          });
        }
      },
      drizzle(pool, { schema }),
    );
  });
});

/** A page listed on a connection of its own, with the statements it ran (after loading the actor). */
async function pageWithStatements(
  actorKey: (typeof ACTOR_KEYS)[number],
  params: Record<string, string>,
  paging = {},
) {
  const statements: string[] = [];
  const pool = new Pool({
    connectionString: getPool().options.connectionString,
    max: 1,
    Client: PortalClient,
  });
  onTestFinished(() => pool.end());
  const db = drizzle(pool, { schema, logger: { logQuery: (text) => statements.push(text) } });
  const actor = (await loadActor(db, id(actorKey), null))!;
  statements.length = 0; // the page's own statements, not the actor's loading
  const page = await listBookingPageForViewer(
    db,
    actor,
    { ...parseBookingListParams(params), ...paging },
    "UTC",
  );
  const keyOf = new Map(Object.entries(bookingIds).map(([key, bookingId]) => [bookingId, key]));
  return { page, keys: page.rows.map((row) => keyOf.get(row.id)), statements };
}
const pickedFromIds = (statements: string[]) => statements.filter((text) => text.includes("= any("));

describe("sorted by name or by creation, a view holding few bookings", () => {
  // Walked in name or creation order with the filter tested on each entry, a filter a scope barely
  // holds passed the whole scope (an insurer's 9 telehealth bookings: 45 ms at 1,000,000 bookings;
  // archived ones in Upcoming, none: 2.4 s). The count walks date order; its ids pick the page.
  it("is picked from the count's ids, in the asked order, page by page, within what the viewer may see", async () => {
    for (const actorKey of ["ownerA", "memberA1", "platformAdmin"] as const) {
      const expected = BOOKINGS_OF.S2.filter((key) => VISIBLE[actorKey][key]).sort((a, b) =>
        `Examinee ${a}`.localeCompare(`Examinee ${b}`),
      );
      const whole = await pageWithStatements(actorKey, {
        view: "all",
        specialist: id("S2"),
        sort: "examineeName.asc",
      });
      expect(whole.keys, actorKey).toEqual(expected);
      expect(whole.page.total, actorKey).toBe(expected.length);
      expect(pickedFromIds(whole.statements), actorKey).toHaveLength(1);
      // Newest created first, two a page: the second page follows the first.
      const byCreated = await pageWithStatements(actorKey, {
        view: "all",
        specialist: id("S2"),
        sort: "createdAt.desc",
      });
      const second = await pageWithStatements(
        actorKey,
        { view: "all", specialist: id("S2"), sort: "createdAt.desc" },
        { pageSize: 2, page: 2 },
      );
      expect(byCreated.keys.length, actorKey).toBeGreaterThan(2);
      expect(second.keys, actorKey).toEqual(byCreated.keys.slice(2, 4));
      expect(pickedFromIds(second.statements), actorKey).toHaveLength(1);
    }
  });

  it("sorted by specialist or stage, is picked from the ids in the order the groups' walks give", async () => {
    // Three stages among S2's bookings (the pages below read on connections of their own, so the
    // change is made and put back rather than rolled back).
    const stages = { aNoTeam: "generating_report", aTeam1: "cancelled" } as const;
    const before = await getDb()
      .select({ id: bookings.id, currentProgress: bookings.currentProgress })
      .from(bookings)
      .where(inArray(bookings.id, [bookingIds.aNoTeam, bookingIds.aTeam1]));
    onTestFinished(async () => {
      for (const row of before)
        await getDb()
          .update(bookings)
          .set({ currentProgress: row.currentProgress })
          .where(eq(bookings.id, row.id));
    });
    for (const [key, stage] of Object.entries(stages))
      await getDb()
        .update(bookings)
        .set({ currentProgress: stage })
        .where(eq(bookings.id, bookingIds[key as keyof typeof stages]));
    for (const actorKey of ["ownerA", "platformAdmin"] as const) {
      const actor = (await loadActor(getDb(), id(actorKey), null))!;
      for (const sort of ["specialist.asc", "specialist.desc", "progress.asc", "progress.desc"]) {
        const [column, direction] = sort.split(".") as ["specialist" | "progress", "asc" | "desc"];
        const walked = await listBookingsForViewer(getDb(), actor, {
          view: "all",
          filters: { specialistId: id("S2") },
          sort: { column, direction },
        });
        const picked = await pageWithStatements(actorKey, { view: "all", specialist: id("S2"), sort });
        expect(new Set(walked.map((row) => row.currentProgress)).size, `${actorKey} ${sort}`).toBe(3);
        expect(
          picked.page.rows.map((row) => row.id),
          `${actorKey} ${sort}`,
        ).toEqual(walked.map((row) => row.id));
        expect(pickedFromIds(picked.statements), `${actorKey} ${sort}`).toHaveLength(1);
      }
    }
  });

  it("a complete search sorted by specialist or stage is picked from its count's ids too", async () => {
    const owner = (await loadActor(getDb(), id("ownerA"), null))!;
    for (const sort of ["specialist.desc", "progress.asc"]) {
      const [column, direction] = sort.split(".") as ["specialist" | "progress", "asc" | "desc"];
      const walked = await listBookingsForViewer(getDb(), owner, {
        view: "all",
        search: "examinee",
        sort: { column, direction },
      });
      const picked = await pageWithStatements("ownerA", { view: "all", q: "examinee", sort });
      expect(walked.length, sort).toBeGreaterThan(1);
      expect(
        picked.page.rows.map((row) => row.id),
        sort,
      ).toEqual(walked.map((row) => row.id));
      expect(pickedFromIds(picked.statements), sort).toHaveLength(1);
    }
  });

  it("with none, is empty without a rows statement; sorted by date, walks as before", async () => {
    const none = await pageWithStatements("ownerA", {
      view: "upcoming",
      status: "archived",
      specialist: id("S2"),
      sort: "examineeName.asc",
    });
    expect(none.page.rows).toEqual([]);
    expect(none.page.total).toBe(0);
    expect(none.statements.filter((text) => text.includes('"examinee_name"'))).toEqual([]);
    const byDate = await pageWithStatements("ownerA", { view: "all", specialist: id("S2") });
    expect(byDate.keys.length).toBeGreaterThan(0);
    expect(pickedFromIds(byDate.statements)).toEqual([]);
  });
});

describe("a search's page", () => {
  // The filter choices rode a statement of their own beside the search's count: one round trip
  // more than an unsearched page, ≈ 0.5 ms of a page's CPU at 1,000,000 bookings (issue 14).
  // The name trigrams' statistics are read once a minute per database handle (common-name-trigrams.ts),
  // not per page — here each page has a handle of its own, so its first search reads them.
  const perPage = (statements: string[]) => statements.filter((text) => !text.includes("most_common_elems"));

  it("reads its tab counts, its matches' ids and the filter choices in one statement, then its rows", async () => {
    for (const actorKey of ["ownerA", "memberA1", "platformAdmin"] as const) {
      const actor = (await loadActor(getDb(), id(actorKey), null))!;
      const choices = await bookingFilterOptions(getDb(), actor);
      // This file's phone: its world's bookings only, fewer than a search counts (others' "Examinee"
      // names are more than that for an administrator in a full run).
      const found = await pageWithStatements(actorKey, { view: "all", q: `(646) 556-${lastFour}` });
      const theirs = Object.keys(bookingIds).filter((key) => VISIBLE[actorKey][key as BookingKey]);
      expect(found.keys.sort(), actorKey).toEqual(theirs.sort());
      expect(found.page.filterOptions, actorKey).toEqual(choices);
      const statements = perPage(found.statements);
      expect(statements, actorKey).toHaveLength(2);
      expect(statements[0], actorKey).toContain("as specialists");
      expect(pickedFromIds(statements.slice(1)), actorKey).toHaveLength(1);
      // Nothing matches: the count's one statement still brings the choices, and no rows are asked.
      const none = await pageWithStatements(actorKey, { view: "all", q: `nobody ${randomLetters()}` });
      expect(none.page.rows, actorKey).toEqual([]);
      expect(none.page.total, actorKey).toBe(0);
      expect(none.page.filterOptions, actorKey).toEqual(choices);
      expect(perPage(none.statements), actorKey).toHaveLength(1);
    }
  });
});
