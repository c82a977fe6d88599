import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import { loadActor } from "@/lib/authz/load-actor";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { bookingCountLine } from "@/components/bookings/booking-count-line";
import { countBookingViews, countBookingsForViewer, SEARCH_COUNT_CAP } from "@/lib/bookings/count-bookings";
import { bookingFilterOptions } from "@/lib/bookings/booking-filter-options";
import {
  bookingListWhere,
  listBookingsForViewer,
  pickedBookingIds,
  type BookingListOptions,
} from "@/lib/bookings/list-bookings";
import type { Actor } from "@/lib/authz/actor";
import type { ProgressStage } from "@/db/schema/enums";
import type { BookingView } from "@/lib/bookings/booking-list-query";
import { ACTOR_KEYS, BOOKING_KEYS, VISIBLE, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertBookingCopies } from "../support/booking-copies";
import { insertAuthzWorld } from "../support/insert-authz-world";

let id: IdOf;
let bookingIds: Record<BookingKey, string>;
// Other files' fixture bookings share the database (and a phone number); these have their own.
const lastFour = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
// Letters only: digits in a search are read as a phone number.
const nameTag = `w${[...lastFour].map((digit) => "abcdefghij"[Number(digit)]).join("")}`;

beforeAll(async () => {
  ({ id, bookingIds } = await insertAuthzWorld({
    examineePhone: `+1646555${lastFour}`,
    withMemberships: true,
    // Every file's fixture world has an "Examinee aTeam1": more than a page of them for an admin.
    examineeNameTag: nameTag,
  }));
});

/** The fixture bookings (by key) on the viewer's table for these URL params. */
async function tableFor(actorKey: (typeof ACTOR_KEYS)[number], params: Record<string, string>) {
  const actor = (await loadActor(getDb(), id(actorKey), null))!;
  const state = parseBookingListParams({ size: "100", ...params });
  const page = await listBookingPageForViewer(getDb(), actor, state, "UTC");
  const keyOf = new Map(Object.entries(bookingIds).map(([key, bookingId]) => [bookingId, key as BookingKey]));
  return page.rows.map((r) => keyOf.get(r.id)).filter((k): k is BookingKey => k !== undefined);
}

/** Copies of a fixture booking with some of its fields changed; their ids mapped to the changes' keys. */
/** The plan of a select of booking ids under `where`, as EXPLAIN (costs off) writes it. */
async function planOfWhere(db: DbOrTx, where: ReturnType<typeof bookingListWhere>): Promise<string> {
  const query = db.select({ id: bookings.id }).from(bookings).where(where);
  const { rows } = await db.execute<{ "QUERY PLAN": string }>(sql`explain (costs off) ${query}`);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

async function insertCopiesWith(
  templateKey: BookingKey,
  changes: Record<string, Partial<typeof bookings.$inferInsert>>,
) {
  const keys = Object.keys(changes);
  const ids = await insertBookingCopies(
    bookingIds[templateKey],
    keys.map((key) => changes[key]!),
  );
  return Object.fromEntries(ids.map((bookingId, i) => [bookingId, keys[i]!]));
}

/** Copies of a fixture booking under other examinee names; their ids mapped to the names' keys. */
const insertCopiesNamed = (templateKey: BookingKey, names: Record<string, string>) =>
  insertCopiesWith(
    templateKey,
    Object.fromEntries(Object.entries(names).map(([key, examineeName]) => [key, { examineeName }])),
  );

/**
 * What a viewer's search (All, 100 a page, and any other URL params) finds among copies: their keys,
 * sorted.
 */
const copiesFoundBy =
  (actorKey: (typeof ACTOR_KEYS)[number], inserted: Record<string, string>) =>
  async (q: string, params: Record<string, string> = {}) => {
    const actor = (await loadActor(getDb(), id(actorKey), null))!;
    const state = parseBookingListParams({ ...params, q, size: "100", view: "all" });
    const page = await listBookingPageForViewer(getDb(), actor, state, "UTC");
    return page.rows
      .map((row) => inserted[row.id])
      .filter(Boolean)
      .sort();
  };

const visibleOf = (actorKey: (typeof ACTOR_KEYS)[number], among: readonly BookingKey[] = BOOKING_KEYS) =>
  among.filter((key) => VISIBLE[actorKey][key]);

describe.each(ACTOR_KEYS)("the bookings table for %s", (actorKey) => {
  it("searches by any part of the examinee name, case-insensitively, within what they may see", async () => {
    const found = await tableFor(actorKey, { q: `examinee ${nameTag.toUpperCase()}ATEAM` });
    expect(found.sort()).toEqual(
      visibleOf(actorKey, ["aTeam1", "aTeam2", "aTeam2ForMember", "aTeam2ByMember1"]).sort(),
    );
  });

  it("searches by phone digits typed in any format", async () => {
    const found = await tableFor(actorKey, { q: `(646) 555-${lastFour}` });
    expect(found.sort()).toEqual(visibleOf(actorKey).sort());
  });

  it("filters by team without widening the scope", async () => {
    const found = await tableFor(actorKey, { team: id("A1") });
    expect(found).toEqual(visibleOf(actorKey, ["aTeam1"]));
  });

  it("filters by the no-team choice", async () => {
    // Within this file's world: an admin sees every file's team-less bookings, more than a page.
    const found = await tableFor(actorKey, { team: "none", q: `examinee ${nameTag}` });
    expect(found.sort()).toEqual(visibleOf(actorKey, ["aNoTeam", "bNoTeam"]).sort());
  });

  it("filters by specialist and sorts by examinee name", async () => {
    const found = await tableFor(actorKey, { specialist: id("S2"), sort: "examineeName.asc" });
    const expected = visibleOf(actorKey, [
      "aNoTeam",
      "aTeam1",
      "aTeam2ForMember",
      "aTeam2ByMember1",
      "bNoTeam",
    ]).sort((a, b) => `Examinee ${a}`.localeCompare(`Examinee ${b}`));
    expect(found).toEqual(expected);
  });
});

it("pages with an exact count, and stops counting at the cap", async () => {
  const admin = (await loadActor(getDb(), id("platformAdmin"), null))!;
  const state = parseBookingListParams({ q: "Examinee", size: "10" });
  const page = await listBookingPageForViewer(getDb(), admin, { ...state, pageSize: 2, page: 2 }, "UTC");
  const total = await countBookingsForViewer(getDb(), admin, { search: "Examinee" });
  expect(total.total).toBeGreaterThanOrEqual(6);
  expect(page.rows).toHaveLength(2);
  expect(await countBookingsForViewer(getDb(), admin, { search: "Examinee" }, 3)).toEqual({
    total: 3,
    capped: true,
  });
});

it("finds a two-letter name by the start of a word of it, and nothing for one letter", async () => {
  // Copies of organization A's team-less booking under the names a two-letter search is for.
  const inserted = await insertCopiesNamed("aNoTeam", {
    ng: "Tom Ng",
    hyphen: "Anna Park-Ng",
    first: "Ngozi Obi",
    middle: "Angus Long",
  });
  const owner = (await loadActor(getDb(), id("ownerA"), null))!;
  const found = async (q: string) => {
    const page = await listBookingPageForViewer(
      getDb(),
      owner,
      parseBookingListParams({ q, size: "100" }),
      "UTC",
    );
    return page.rows
      .map((row) => inserted[row.id])
      .filter(Boolean)
      .sort();
  };
  // "Angus Long" has "ng" inside words only: not a match for two letters, a match for three.
  expect(await found("NG")).toEqual(["first", "hyphen", "ng"]);
  expect(await found("ong")).toEqual(["middle"]);
  // One letter searches nothing: the whole list comes back.
  expect(await found("n")).toEqual(["first", "hyphen", "middle", "ng"]);
});

describe("a name search read through each scope's trigrams (migration 0026)", () => {
  // Copies of organization A's booking in team A2 with specialist S1: each viewer's scope (their
  // organization, or their specialist) reads it through its own trigram keys.
  const names = {
    apostrophe: "Siobhan O'Brennan",
    upper: "JOE MCBRENNAN",
    accented: "Zoë Brennå",
    // bre, ren and enn are all here, "brenn" is not: the trigrams narrow, the text decides.
    trigramsOnly: "Brenda Lorenn",
  };
  let inserted: Record<string, string>;

  beforeAll(async () => {
    inserted = await insertCopiesNamed("aTeam2", names);
  });

  it.each(ACTOR_KEYS)(
    "%s finds the typed text in any case and around punctuation, and not a name that only holds its trigrams",
    async (actorKey) => {
      const found = copiesFoundBy(actorKey, inserted);
      const sees = VISIBLE[actorKey].aTeam2;
      expect(await found("BRENN")).toEqual(sees ? ["accented", "apostrophe", "upper"] : []);
      expect(await found("o'brenn")).toEqual(sees ? ["apostrophe"] : []);
      expect(await found("zoë brenn")).toEqual(sees ? ["accented"] : []);
      expect(await found("lorenn")).toEqual(sees ? ["trigramsOnly"] : []);
    },
  );
});

it("reads a platform admin's name search by the platform's trigram keys, written as migrations 0029's, 0030's and 0034's indexes write them", async () => {
  const admin = (await loadActor(getDb(), id("platformAdmin"), null))!;
  const planOf = (where: ReturnType<typeof bookingListWhere>) => planOfWhere(getDb(), where);
  // This file's table is small enough that the planner reads it another way; what matters is that
  // the condition holds the index's expression as PostgreSQL writes both, so it can match them.
  const expressionOf = async (index: string) => {
    const {
      rows: [row],
    } = await getDb().execute<{ definition: string }>(
      sql`select pg_get_indexdef(${index}::regclass) as definition`,
    );
    return /USING gin \((.+)\) WHERE/.exec(row!.definition)?.[1];
  };
  const live = await expressionOf("idx_bookings_live_platform_name_tokens");
  expect(live).toContain("'platform'");
  expect(await expressionOf("idx_bookings_archived_platform_name_tokens")).toBe(live);
  const search = (status?: ("active" | "archived")[]) =>
    planOf(bookingListWhere(admin, { search: "brennan", searchBy: "scoped-keys", filters: { status } }));
  expect(await search()).toContain(`${live} @> '{platform:bre,`);
  expect(await search(["archived"])).toContain(`${live} @> '{platform:bre,`);
  // With a Progress filter, keyed by the platform and each stage (migration 0034): only those
  // stages' entries are read — and among archived bookings, which that index does not hold, the
  // platform's keys as before.
  const staged = await expressionOf("idx_bookings_live_platform_stage_name_tokens");
  expect(staged).toContain("'platform/'");
  const inStages = (status?: ("active" | "archived")[]) =>
    planOf(
      bookingListWhere(admin, {
        search: "brennan",
        searchBy: "scoped-keys",
        filters: { status, progress: ["payment_received", "no_show"] },
      }),
    );
  const stagedPlan = await inStages();
  expect(stagedPlan).toContain(`${staged} @> '{platform/payment_received:bre,`);
  expect(stagedPlan).toContain(`${staged} @> '{platform/no_show:bre,`);
  expect(stagedPlan).not.toContain(`${live} @>`);
  expect(await inStages(["archived"])).toContain(`${live} @> '{platform:bre,`);
  // Live and archived at once: neither partial index holds them all — the plain trigram index's condition.
  const both = await search(["active", "archived"]);
  expect(both).not.toContain("scoped_trigrams");
  expect(both).toContain("~~* '%brennan%'");
});

it.each(["ownerA", "memberA1", "specialistS1"] as const)(
  "holds %s's search matches to their scope, view and stage row by row, never reaching them through those",
  async (actorKey) => {
    const viewer = (await loadActor(getDb(), id(actorKey), null))!;
    // At 1,000,000 bookings the planner ANDed a one-trigram search's scoped keys with an index of
    // the whole organization (an insurer's count of "bre": 37 ms; 4 ms from the keys alone), of
    // the view's dates (a rare name's page: 87,000 entries) or of the stage the keys already hold.
    // This file's table is too small for it to choose any of them on its own, so fetching rows is
    // made to look dear and only bitmaps are allowed: then any index the scope, the view, the stage
    // or the exact match can use shows as an index condition beside the keys'.
    const planOf = (options: BookingListOptions) =>
      getDb().transaction(async (tx) => {
        for (const setting of ["enable_seqscan", "enable_indexscan", "enable_indexonlyscan"])
          await tx.execute(sql`select set_config(${setting}, 'off', true)`);
        await tx.execute(sql`set local random_page_cost = 1000`);
        return planOfWhere(
          tx,
          bookingListWhere(viewer, { search: "bre", searchBy: "scoped-keys", ...options }),
        );
      });
    for (const options of [
      { view: "all" as const },
      { view: "upcoming" as const, filters: { progress: ["scheduled" as const] } },
    ]) {
      const plan = await planOf(options);
      const otherIndexConditions = plan
        .split("\n")
        .filter((line) => line.includes("Index Cond:") && !line.includes("scoped_trigrams"));
      expect(otherIndexConditions.join("\n")).not.toMatch(
        /organization_id|specialist_id|team_id|created_by|appointment_date|current_progress|examinee_name\)::text ~~\*/,
      );
      // …and each row found is still held to them.
      expect(plan).toMatch(/Filter: .*(organization_id|specialist_id).* IS TRUE/);
      expect(plan).toMatch(/examinee_name\)::text ~~\* '%bre%'::text\).* IS TRUE/);
      if (options.view === "upcoming") expect(plan).toMatch(/appointment_date >= .* IS TRUE/);
    }
  },
);

it.each(["ownerA", "platformAdmin"] as const)(
  "walks %s's search past its count's cap with the search tested on the rows only, whatever an index could serve",
  async (actorKey) => {
    const viewer = (await loadActor(getDb(), id(actorKey), null))!;
    // That statement keeps one plan for every pattern (plannedOnce): a generic plan blind to "ma"
    // read 19,584 bookings through the name's trigram index to show 101 at 1,000,000 bookings
    // (85 ms) — so no index may serve the search, only the walk. Bitmaps only, fetching made dear,
    // as above: any index the search could use would show as an index condition.
    const plan = await getDb().transaction(async (tx) => {
      for (const setting of ["enable_seqscan", "enable_indexscan", "enable_indexonlyscan"])
        await tx.execute(sql`select set_config(${setting}, 'off', true)`);
      await tx.execute(sql`set local random_page_cost = 1000`);
      return planOfWhere(tx, bookingListWhere(viewer, { search: "ma", searchBy: "walk", view: "all" }));
    });
    const indexConditions = plan.split("\n").filter((line) => line.includes("Index Cond:"));
    expect(indexConditions.join("\n")).not.toMatch(/examinee_name|examinee_phone|claim_number|reference/);
    // Tested on each row: the folded text first (its line breaks print as they are), the regex after.
    // Whichever index reads the scope, the filter may hold the live test before them (CI's planner
    // read idx_bookings_organization, which also holds archived bookings, and filtered the status).
    expect(plan).toMatch(
      /Filter: [\s\S]*COALESCE\([\s\S]*lower\([\s\S]*~~ '%ma%'[\s\S]*examinee_name\)::text ~\* /,
    );
  },
);

it.each(["ownerA", "memberA1", "specialistS1", "platformAdmin"] as const)(
  "walks %s's archived or closed bookings sorted by name or by creation through an index in that order that holds only them (migration 0036)",
  async (actorKey) => {
    const viewer = (await loadActor(getDb(), id(actorKey), null))!;
    // Before 0036 the name and Created orders had live indexes only, not keyed by status: an
    // insurer's archived bookings by name walked the global name index testing each entry's
    // organization and status (344 ms at 1,000,000 bookings), an administrator's closed ones newest
    // created first passed every newer active booking (105 ms); with 0036, ≤ 10 ms. A sort made
    // dear, as a large scope makes it, leaves the walks. Which scope's index a table this small is
    // walked through is the planner's call (bench:list-sweep shows the large one's).
    const cases = [
      ["archived", bookings.examineeName, /idx_bookings_archived_(organization_|specialist_)?name /],
      ["archived", bookings.createdAt, /idx_bookings_(organization_|specialist_)?status_created /],
      ["closed", bookings.createdAt, /idx_bookings_(organization_|specialist_)?status_created /],
    ] as const;
    for (const [status, column, index] of cases) {
      const plan = await getDb().transaction(async (tx) => {
        for (const setting of ["enable_seqscan", "enable_sort", "enable_bitmapscan"])
          await tx.execute(sql`select set_config(${setting}, 'off', true)`);
        // Each entry passed made dear, as a large scope makes it: in a table this small a closed
        // booking is as near along the live creation index (its status a filter) as along 0036's
        // (its status a key), and which one the planner took hung on the rows other cases added.
        await tx.execute(sql`set local cpu_index_tuple_cost = 1`);
        await tx.execute(sql`set local cpu_operator_cost = 1`);
        const where = bookingListWhere(viewer, { filters: { status: [status] }, view: "all" });
        const query = tx
          .select({ id: bookings.id })
          .from(bookings)
          .where(where)
          .orderBy(sql`${column} desc`, sql`${bookings.id} desc`)
          .limit(26);
        const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`explain (costs off) ${query}`);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
      expect(plan).toMatch(/Index (Only )?Scan Backward using/);
      expect(plan).toMatch(index);
    }
  },
);

describe("a name search among archived bookings read through each scope's archived trigrams (migration 0030)", () => {
  // Archived copies of organization A's booking in team A2 with specialist S1.
  const copies = {
    archived: { examineeName: "Ada Brennock", status: "archived", currentProgress: "payment_received" },
    archivedTrigramsOnly: { examineeName: "Brenda Lorennock", status: "archived" },
    live: { examineeName: "Ben Brennock" },
  } as const;
  let inserted: Record<string, string>;

  beforeAll(async () => {
    inserted = await insertCopiesWith("aTeam2", copies);
  });

  it.each(ACTOR_KEYS)(
    "%s finds archived bookings by name when asked for them, and only then",
    async (actorKey) => {
      const found = copiesFoundBy(actorKey, inserted);
      const sees = VISIBLE[actorKey].aTeam2;
      expect(await found("brennock", { status: "archived" })).toEqual(sees ? ["archived"] : []);
      expect(await found("brennock", { status: "archived", progress: "payment_received" })).toEqual(
        sees ? ["archived"] : [],
      );
      expect(await found("brennock")).toEqual(sees ? ["live"] : []);
      expect(await found("brennock", { status: "active,archived" })).toEqual(
        sees ? ["archived", "live"] : [],
      );
    },
  );
});

describe("a name search with a Progress filter read through each scope's stage trigrams (migration 0027)", () => {
  // Copies of organization A's booking in team A2 with specialist S1, in two stages.
  const copies = {
    scheduled: { examineeName: "Ada Brennick", currentProgress: "scheduled" },
    paid: { examineeName: "Ben Brennick", currentProgress: "payment_received" },
    // bre, ren and enn are all here, "brenn" is not: the stage's trigrams narrow, the text decides.
    paidTrigramsOnly: { examineeName: "Brenda Lorenn", currentProgress: "payment_received" },
  } as const;
  let inserted: Record<string, string>;

  beforeAll(async () => {
    inserted = await insertCopiesWith("aTeam2", copies);
  });

  const foundWith = (actorKey: (typeof ACTOR_KEYS)[number]) => (q: string, progress: string) =>
    copiesFoundBy(actorKey, inserted)(q, { progress });

  it.each(ACTOR_KEYS)("%s finds a name in the stages asked for only", async (actorKey) => {
    const found = foundWith(actorKey);
    const seen = (keys: string[]) => (VISIBLE[actorKey].aTeam2 ? keys : []);
    expect(await found("brennick", "payment_received")).toEqual(seen(["paid"]));
    expect(await found("BRENNICK", "scheduled,payment_received")).toEqual(seen(["paid", "scheduled"]));
    expect(await found("brenn", "payment_received")).toEqual(seen(["paid"]));
    expect(await found("lorenn", "payment_received")).toEqual(seen(["paidTrigramsOnly"]));
    expect(await found("brennick", "no_show")).toEqual([]);
  });

  it("keeps a booking's stage trigrams with its stage when the stage changes", async () => {
    const paidId = Object.keys(inserted).find((bookingId) => inserted[bookingId] === "paid")!;
    await getDb()
      .update(bookings)
      .set({ currentProgress: "report_generated" })
      .where(eq(bookings.id, paidId));
    try {
      const found = foundWith("ownerA");
      expect(await found("brennick", "payment_received")).toEqual([]);
      expect(await found("brennick", "report_generated")).toEqual(["paid"]);
    } finally {
      await getDb()
        .update(bookings)
        .set({ currentProgress: "payment_received" })
        .where(eq(bookings.id, paidId));
    }
  });
});

describe("a claim number or reference typed with separators", () => {
  // The index is asked for the typed text's most distinctive run ("<serial>"); the whole text decides.
  const serial = `${lastFour}${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;
  // Named apart from the fixture's bookings, which other tests count by their name.
  const copies = {
    exact: { examineeName: "Claim Copy", claimNumber: `CLM-2025-${serial}` },
    otherCase: { examineeName: "Claim Copy", claimNumber: `clm-2025-${serial}-b` },
    otherYear: { examineeName: "Claim Copy", claimNumber: `CLM-2024-${serial}` },
    reference: { examineeName: "Claim Copy", caseManagerReference: `REF/2025/${serial}`, claimNumber: null },
    // The claim's digits as a phone number: typed with its letters, the claim is not a phone search.
    phoneTwin: { examineeName: "Claim Copy", examineePhone: `+12025${serial}`, claimNumber: null },
  };
  let inserted: Record<string, string>;

  beforeAll(async () => {
    inserted = await insertCopiesWith("aTeam2", copies);
  });

  it.each(ACTOR_KEYS)(
    "%s finds the whole typed text, in any case, and not another with its serial nor a phone with its digits",
    async (actorKey) => {
      const found = copiesFoundBy(actorKey, inserted);
      const sees = VISIBLE[actorKey].aTeam2;
      expect(await found(`CLM-2025-${serial}`)).toEqual(sees ? ["exact", "otherCase"] : []);
      expect(await found(`ref/2025/${serial}`)).toEqual(sees ? ["reference"] : []);
      expect(await found(`2024-${serial}`)).toEqual(sees ? ["otherYear"] : []);
      expect(await found(`2025 ${serial}`)).toEqual(sees ? ["phoneTwin"] : []);
    },
  );
});

it("filters by appointment date range in the viewer's zone", async () => {
  // The fixture's bookings are 1..6 days ahead; a range of the first two days holds two of them.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  // Within this file's world: every file's fixtures fall in the same days, more than a page of them.
  const found = await tableFor("platformAdmin", { from: day(1), to: day(2), q: `examinee ${nameTag}` });
  expect(found.sort()).toEqual(["aNoTeam", "aTeam1"].sort());
});

it.each(["appointmentDate", "examineeName", "specialist", "progress", "createdAt"])(
  "pages through the %s order both ways with no booking missed or shown twice",
  async (column) => {
    const owner = (await loadActor(getDb(), id("ownerA"), null))!;
    for (const direction of ["asc", "desc"]) {
      const state = parseBookingListParams({
        view: "all",
        q: `examinee ${nameTag}`,
        sort: `${column}.${direction}`,
      });
      const whole = await listBookingPageForViewer(getDb(), owner, { ...state, pageSize: 100 }, "UTC");
      const paged: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const part = await listBookingPageForViewer(getDb(), owner, { ...state, pageSize: 2, page }, "UTC");
        paged.push(...part.rows.map((r) => r.id));
        expect(part.hasNextPage).toBe(page * 2 < whole.rows.length);
      }
      expect(whole.rows).toHaveLength(visibleOf("ownerA").length);
      expect(paged).toEqual(whole.rows.map((r) => r.id));
    }
  },
);

it("counts a search's tabs exactly in one pass up to its cap, and past it reads what the pass saw as lower bounds", async () => {
  const owner = (await loadActor(getDb(), id("ownerA"), null))!;
  const options = { search: `examinee ${nameTag}`, now: new Date() };
  // The fixture's bookings are all ahead and not cancelled: every visible one is Upcoming.
  const visible = visibleOf("ownerA").length;
  expect(visible).toBeGreaterThan(2);
  expect(await countBookingViews(getDb(), owner, options, "all", 100)).toEqual({
    upcoming: { total: visible, capped: false },
    past: { total: 0, capped: false },
    cancelled: { total: 0, capped: false },
    all: { total: visible, capped: false },
  });
  // Past the cap: "2+" where the pass saw matches, a tab it saw none of is not known ("0+").
  expect(await countBookingViews(getDb(), owner, options, "all", 2)).toEqual({
    upcoming: { total: 2, capped: true },
    past: { total: 0, capped: true },
    cancelled: { total: 0, capped: true },
    all: { total: 2, capped: true },
  });
});

it('a search counts its matches to SEARCH_COUNT_CAP: exact at the cap, past it "250+" and a request to narrow it, with every page still reachable', async () => {
  const owner = (await loadActor(getDb(), id("ownerA"), null))!;
  // Copies of one of the owner's bookings under a name no other booking has, in two batches:
  // first exactly the cap, then a few more.
  const name = `Capped ${nameTag}`;
  const copies = (from: number, to: number) =>
    Object.fromEntries(
      Array.from({ length: to - from }, (_, i) => [`capped${from + i}`, { examineeName: name }]),
    );
  const page = (pageNumber: number) =>
    listBookingPageForViewer(
      getDb(),
      owner,
      parseBookingListParams({ view: "all", q: `capped ${nameTag}`, page: String(pageNumber) }),
      "UTC",
    );

  await insertCopiesWith("aTeam1", copies(0, SEARCH_COUNT_CAP));
  const atCap = await page(1);
  expect(atCap.searchCountIsPartial).toBe(false);
  expect(bookingCountLine(atCap, "")).toBe(`${SEARCH_COUNT_CAP} bookings`);

  await insertCopiesWith("aTeam1", copies(SEARCH_COUNT_CAP, SEARCH_COUNT_CAP + 5));
  const first = await page(1);
  expect(first.searchCountIsPartial).toBe(true);
  expect(bookingCountLine(first, "")).toBe(
    `${SEARCH_COUNT_CAP}+ bookings match the search; narrow it to count each view exactly`,
  );
  expect(first.rows).toHaveLength(25);
  expect(first.hasNextPage).toBe(true);
  // The last page (25 a page) holds the 5 past the cap, and its count is exact again.
  const lastPageNumber = Math.ceil((SEARCH_COUNT_CAP + 5) / 25);
  const last = await page(lastPageNumber);
  expect(last.rows).toHaveLength((SEARCH_COUNT_CAP + 5) % 25 || 25);
  expect(last.hasNextPage).toBe(false);
  expect(last.total).toBe(SEARCH_COUNT_CAP + 5);
  expect(last.totalIsCapped).toBe(false);
});

it("a search is counted first: no match, or a page past its matches, gives an empty page with the true count; a page within them gives its rows", async () => {
  const owner = (await loadActor(getDb(), id("ownerA"), null))!;
  const visible = visibleOf("ownerA").length;
  const page = (params: Record<string, string>) =>
    listBookingPageForViewer(getDb(), owner, parseBookingListParams({ view: "all", ...params }), "UTC");

  const none = await page({ q: `${nameTag}zq` });
  expect(none.rows).toEqual([]);
  expect(none.total).toBe(0);

  const first = await page({ q: `examinee ${nameTag}`, size: "10" });
  expect(first.rows).toHaveLength(visible);
  expect(first.total).toBe(visible);

  // Past the end (a bookmarked page of a list that has shrunk): no rows, and the count says why.
  expect(visible).toBeLessThanOrEqual(10);
  const pastEnd = await page({ q: `examinee ${nameTag}`, size: "10", page: "2" });
  expect(pastEnd.rows).toEqual([]);
  expect(pastEnd.total).toBe(visible);
  expect(pastEnd.hasNextPage).toBe(false);
});

describe("the filter choices", () => {
  const fixtureTeams = async (actorKey: (typeof ACTOR_KEYS)[number]) => {
    const actor = (await loadActor(getDb(), id(actorKey), null))!;
    const { teams, specialists } = await bookingFilterOptions(getDb(), actor);
    return {
      teams: teams.filter((t) => [id("A1"), id("A2"), id("B1")].includes(t.id)).map((t) => t.name),
      specialists,
    };
  };

  it("offer the teams of the viewer's organizations only (every team to a platform admin), sorted", async () => {
    expect((await fixtureTeams("memberA1")).teams).toEqual(["A1", "A2"]);
    expect((await fixtureTeams("memberB1")).teams).toEqual(["B1"]);
    expect((await fixtureTeams("platformAdmin")).teams).toEqual(["A1", "A2", "B1"]);
    expect((await fixtureTeams("specialistS1")).teams).toEqual([]);
    expect((await fixtureTeams("outsider")).teams).toEqual([]);
  });

  it("offer every specialist, and name each team's organization", async () => {
    const { specialists } = await fixtureTeams("outsider");
    expect(specialists.map((s) => s.id)).toContain(id("S1"));
    const actor = (await loadActor(getDb(), id("memberA1"), null))!;
    const { teams } = await bookingFilterOptions(getDb(), actor);
    expect(teams.find((t) => t.id === id("A1"))?.organizationName).toMatch(/^Org A /);
  });

  // The list's page reads them in its tab counts' statement (a search's page, beside its count):
  // the toolbar must offer exactly what the choices' own statement does, for every viewer.
  it("come with the bookings page, searched or not, the same as on their own", async () => {
    for (const actorKey of ["memberA1", "memberB1", "platformAdmin", "specialistS1", "outsider"] as const) {
      const actor = (await loadActor(getDb(), id(actorKey), null))!;
      const own = await bookingFilterOptions(getDb(), actor);
      for (const params of [{}, { view: "all", page: "2" }, { q: "Examinee" }]) {
        const page = await listBookingPageForViewer(getDb(), actor, parseBookingListParams(params), "UTC");
        expect(page.filterOptions, `${actorKey} ${JSON.stringify(params)}`).toEqual(own);
      }
    }
    const admin = (await loadActor(getDb(), id("platformAdmin"), null))!;
    const { filterOptions } = await listBookingPageForViewer(
      getDb(),
      admin,
      parseBookingListParams({}),
      "UTC",
    );
    expect(filterOptions.teams.map((t) => t.id)).toEqual(
      expect.arrayContaining([id("A1"), id("A2"), id("B1")]),
    );
    expect(filterOptions.specialists.map((s) => s.id)).toContain(id("S1"));
  });
});

describe("Upcoming sorted by creation, oldest first (migration 0037)", () => {
  // The oldest-created bookings are the past ones: walked in creation order, an administrator's first
  // page passed 500,049 past bookings before its first upcoming one at 1,000,000 bookings (117–167 ms).
  // The page reads Upcoming in date order and keeps the oldest-created (pickedByCreationFromDates).
  const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);
  const copies = {
    pastCreatedFirst: { appointmentDate: daysFromNow(-20), createdAt: daysFromNow(-90) },
    cancelledCreatedSecond: {
      appointmentDate: daysFromNow(10),
      createdAt: daysFromNow(-70),
      currentProgress: "cancelled",
    },
    upcomingCreatedThird: { appointmentDate: daysFromNow(30), createdAt: daysFromNow(-60) },
    upcomingCreatedFourth: { appointmentDate: daysFromNow(3), createdAt: daysFromNow(-5) },
    upcomingCreatedFifth: { appointmentDate: daysFromNow(40), createdAt: daysFromNow(-1) },
  } as const;
  const upcomingInCreationOrder = ["upcomingCreatedThird", "upcomingCreatedFourth", "upcomingCreatedFifth"];
  let inserted: Record<string, string>;

  beforeAll(async () => {
    // Copies of organization A's booking in team A2 with specialist S1; the fixture's own were created
    // after every copy.
    inserted = await insertCopiesWith("aTeam2", copies);
  });

  // Upcoming, and All with only a stage before the examination (what has not moved on since).
  const lists: Record<"upcoming" | "scheduled", { view: BookingView; progress: ProgressStage[] }> = {
    upcoming: { view: "upcoming", progress: [] },
    scheduled: { view: "all", progress: ["scheduled"] },
  };
  const whereOf = (list: keyof typeof lists): BookingListOptions => ({
    view: lists[list].view,
    filters: { specialistId: id("S1"), progress: lists[list].progress },
  });
  const byCreation = (viewer: Actor, list: keyof typeof lists, paging: { limit: number; offset?: number }) =>
    listBookingsForViewer(getDb(), viewer, {
      ...whereOf(list),
      sort: { column: "createdAt", direction: "asc" },
      ...paging,
    });
  const upcomingByCreation = (viewer: Actor, paging: { limit: number; offset?: number }) =>
    byCreation(viewer, "upcoming", paging);

  it.each(ACTOR_KEYS)(
    "%s's Upcoming by creation lists their upcoming bookings oldest-created first, page by page",
    async (actorKey) => {
      const viewer = (await loadActor(getDb(), id(actorKey), null))!;
      const whole = await upcomingByCreation(viewer, { limit: 100 });
      // Against the plainest statement of the same: the viewer's Upcoming sorted by creation.
      const expected = await getDb()
        .select({ id: bookings.id })
        .from(bookings)
        .where(bookingListWhere(viewer, { view: "upcoming", filters: { specialistId: id("S1") } }))
        .orderBy(bookings.createdAt, bookings.id);
      expect(whole.map((row) => row.id)).toEqual(expected.map((row) => row.id));
      const ours = whole.map((row) => inserted[row.id]).filter(Boolean);
      expect(ours).toEqual(VISIBLE[actorKey].aTeam2 ? upcomingInCreationOrder : []);
      if (VISIBLE[actorKey].aTeam2) expect(ours).toEqual(whole.slice(0, 3).map((row) => inserted[row.id]));
      const paged = [
        ...(await upcomingByCreation(viewer, { limit: 2 })),
        ...(await upcomingByCreation(viewer, { limit: 2, offset: 2 })),
      ];
      expect(paged.map((row) => row.id)).toEqual(whole.slice(0, 4).map((row) => row.id));
      // All with Progress "scheduled": the past copy, still scheduled, is among them (a backlog).
      const scheduled = await byCreation(viewer, "scheduled", { limit: 100 });
      const scheduledExpected = await getDb()
        .select({ id: bookings.id })
        .from(bookings)
        .where(bookingListWhere(viewer, whereOf("scheduled")))
        .orderBy(bookings.createdAt, bookings.id);
      expect(scheduled.map((row) => row.id)).toEqual(scheduledExpected.map((row) => row.id));
    },
  );

  it.each(["ownerA", "specialistS1", "platformAdmin"] as const)(
    "reads %s's Upcoming (or only stages before the examination) and sorts it by creation, never walking the creation order",
    async (actorKey) => {
      const viewer = (await loadActor(getDb(), id(actorKey), null))!;
      const plans = await getDb().transaction(async (tx) => {
        // A sort made dear, as the creation walk's was cheap to the planner: the page's shape keeps one.
        await tx.execute(sql`set local enable_sort = off`);
        const plans: string[] = [];
        for (const list of Object.keys(lists) as (keyof typeof lists)[]) {
          const query = pickedBookingIds(tx, viewer, {
            // The whole scope (no specialist filter): the plan a large one gets.
            view: lists[list].view,
            filters: { progress: lists[list].progress },
            sort: { column: "createdAt", direction: "asc" },
            limit: 26,
          });
          const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`explain (costs off) ${query}`);
          plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
        }
        return plans;
      });
      for (const plan of plans) {
        // (EXPLAIN names the fenced subquery's columns by their table's when it prints no scan of it.)
        expect(plan).toMatch(
          /Sort Key: (ahead\.dated_created_at, ahead\.dated_id|bookings\.created_at, bookings\.id)/,
        );
        expect(plan).not.toMatch(/_created on bookings/);
      }
    },
  );

  it("keeps the creation time in each scope's date-walk indexes, so the read stays index-only", async () => {
    const { rows } = await getDb().execute<{ indexname: string; indexdef: string }>(sql`
      select indexname, indexdef from pg_indexes
       where tablename = 'bookings' and indexname like 'idx_bookings_live_%filtered'
         and indexname not like '%name%'`);
    expect(rows.map((row) => row.indexname).sort()).toEqual(
      [
        "idx_bookings_live_date_filtered",
        "idx_bookings_live_organization_filtered",
        "idx_bookings_live_organization_progress_filtered",
        "idx_bookings_live_progress_filtered",
        "idx_bookings_live_specialist_filtered",
        "idx_bookings_live_specialist_progress_filtered",
      ].sort(),
    );
    for (const row of rows) expect(row.indexdef, row.indexname).toContain("INCLUDE (created_at,");
  });
});
