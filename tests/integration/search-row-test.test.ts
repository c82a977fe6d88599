/**
 * A walked search's row test (searchRowTest) reads the name, claim number and reference folded
 * from the date-walk indexes (migration 0035): it must find exactly the bookings the plain
 * ILIKE / regex test finds, and its folded text must be the index's own column, or every walk
 * folds each row again. All inside a transaction rolled back: other files' plans see none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import { newId } from "@/lib/ids";
import { searchCondition, searchRowTest } from "@/lib/bookings/booking-list-query";
import { foldedSearchText } from "@/lib/bookings/search-row-test";
import { bookingListWhere } from "@/lib/bookings/list-bookings";
import { loadActor } from "@/lib/authz/load-actor";
import type { IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";

class RolledBack extends Error {}

/** Runs `work` in a transaction that is rolled back afterwards, returning what it returned. */
async function inRolledBackTransaction<T>(work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await getDb()
    .transaction(async (tx) => {
      result = await work(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result as T;
}

// A tag no other file's names hold, so each search is asked among these bookings only.
const tag = `zq${Array.from({ length: 5 }, () => "cdfghjkpvwxy"[Math.floor(Math.random() * 12)]).join("")}`;
const EXAMINEES: { name: string; claim?: string | null; reference?: string | null }[] = [
  { name: `BRENNAN ${tag}` },
  { name: `Ahmed Brennkay ${tag}` },
  { name: `Thomas Okwell ${tag}` },
  { name: `Anne-Marie Lowe ${tag}` },
  { name: `Mary Stone ${tag}` },
  { name: `Ömer Çelik ${tag}` },
  { name: `İbrahim Kaya ${tag}` },
  { name: `Quinn Hale ${tag}`, claim: "CLM-BRE-2025-0042", reference: null },
  { name: `Rosa Diaz ${tag}`, claim: null, reference: "Case MA-77 Brenda" },
  // Over the folded text's 300 bytes: the index holds no folded text, the test falls back.
  { name: `${"Ma".repeat(80)} Brenner ${tag}`, claim: "X".repeat(90), reference: "Y".repeat(90) },
  { name: `Li Wu ${tag}`, claim: "NW 2024 0042", reference: "ref ma-01" },
];
const SEARCHES = [
  "bre",
  "BRE",
  "Brenn",
  "ma",
  "Ma",
  "mar",
  "2024",
  "0042",
  "ömer",
  "ÇEL",
  "ibr",
  "i̇br",
  "ma-7",
  "ref ma",
  "zzz",
];

async function insertExaminees(tx: DbOrTx): Promise<Map<string, string>> {
  const [template] = await tx.select().from(bookings).where(eq(bookings.status, "active")).limit(1);
  const rows = EXAMINEES.map(({ name, claim = null, reference = null }) => ({
    ...template!,
    id: newId(),
    acuityAppointmentId: `fold-${newId()}`,
    examineeName: name,
    claimNumber: claim,
    caseManagerReference: reference,
  }));
  await tx.insert(bookings).values(rows);
  return new Map(rows.map((row) => [row.id, row.examineeName]));
}

/** The names of this file's bookings `condition` passes (the search's text scoped to the tag). */
async function namesPassing(tx: DbOrTx, ids: Map<string, string>, condition: SQL | undefined) {
  const rows = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      sql`${bookings.id} = any(${sql.param([...ids.keys()])}::text[]) and coalesce((${condition}), false)`,
    );
  return rows.map((row) => ids.get(row.id)!).sort();
}

it("finds exactly the bookings the plain ILIKE and regex test finds, for every kind of typed text", async () => {
  const results = await inRolledBackTransaction(async (tx) => {
    const ids = await insertExaminees(tx);
    const compared: { search: string; plain: string[]; folded: string[] }[] = [];
    for (const search of SEARCHES)
      compared.push({
        search,
        plain: await namesPassing(tx, ids, searchCondition(search)),
        folded: await namesPassing(tx, ids, searchRowTest(search)),
      });
    return compared;
  });
  for (const { search, plain, folded } of results)
    expect({ search, folded }).toEqual({ search, folded: plain });
  const found = (search: string) =>
    results.find((r) => r.search === search)!.plain.map((n) => n.split(" ")[0]);
  // What the comparison covers: case, a claim number, a reference, a word after a hyphen, the
  // name too long to fold, letters PostgreSQL folds and JavaScript is not asked to.
  expect(found("BRE")).toEqual(
    expect.arrayContaining(["Ahmed", "BRENNAN", "Quinn", "Rosa", `${"Ma".repeat(80)}`]),
  );
  expect(found("ma")).toEqual(expect.arrayContaining(["Anne-Marie", "Mary", `${"Ma".repeat(80)}`]));
  expect(found("ma")).not.toContain("Thomas");
  expect(found("ma")).not.toContain("Rosa");
  expect(found("ÇEL")).toEqual(["Ömer"]);
  expect(found("zzz")).toEqual([]);
});

describe("the walk's index", () => {
  // A database of its own: the planner takes an index-only walk where the table is vacuumed (its
  // pages all visible), and vacuuming the run's shared one would move other files' plans.
  let own: JobsDatabase;
  let id: IdOf;
  beforeAll(async () => {
    own = await createJobsDatabase("ime_folded_walk");
    ({ id } = await insertAuthzWorld({ withMemberships: true, db: own.db }));
    await own.db.execute(sql`vacuum (analyze) bookings`);
  }, 120_000);
  afterAll(async () => {
    await own?.drop();
  });

  const planOfWalk = async (scans: "index-only" | "from the table") =>
    own.db.transaction(async (tx) => {
      // Only the scan asked for may run: index-only (the folded text read from the entry), or not.
      const off = [
        "enable_seqscan",
        "enable_bitmapscan",
        ...(scans === "index-only" ? [] : ["enable_indexonlyscan"]),
      ];
      for (const setting of off) await tx.execute(sql`select set_config(${setting}, 'off', true)`);
      const walk = tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(sql`${bookings.status} <> 'archived' and ${foldedSearchText} like '%bre%'`)
        .orderBy(sql`${bookings.appointmentDate} desc`)
        .limit(5);
      const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`explain (costs off) ${walk}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });

  it("holds the folded text as its own column: the walk reads it, not folding each booking again", async () => {
    // An index's column is written in brackets of its own: the index holds the expression as
    // foldedSearchText writes it (else the walk could still be index-only, folding every row).
    const walked = await planOfWalk("index-only");
    expect(walked).toMatch(/Index Only Scan Backward using idx_bookings_live_date_filtered/);
    expect(walked).toMatch(/Filter: \(\(CASE WHEN \(octet_length/);
    // The same filter computed from the table's row: no such brackets.
    const computed = await planOfWalk("from the table");
    expect(computed).not.toMatch(/Index Only Scan/);
    expect(computed).toMatch(/Filter: \(CASE WHEN \(octet_length/);
  });

  it("walks two letters in name order by the name alone: the name index holds no folded text", async () => {
    const admin = (await loadActor(own.db, id("platformAdmin"), null))!;
    const planOf = (column: "examineeName" | "appointmentDate") =>
      own.db.transaction(async (tx) => {
        for (const setting of ["enable_seqscan", "enable_bitmapscan"])
          await tx.execute(sql`select set_config(${setting}, 'off', true)`);
        const order = column === "examineeName" ? bookings.examineeName : bookings.appointmentDate;
        const where = bookingListWhere(admin, {
          search: "ma",
          searchBy: "walk",
          view: "all",
          sort: { column, direction: "asc" },
        });
        const walk = tx
          .select({ id: bookings.id })
          .from(bookings)
          .where(where)
          .orderBy(order, bookings.id)
          .limit(5);
        const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`explain (costs off) ${walk}`);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
    // Reading the folded text (name, claim number, reference) there fetched every booking walked
    // from the table: an insurer's "ma" by name, 60 → 608 ms at 1,000,000 bookings.
    const byName = await planOf("examineeName");
    expect(byName).toMatch(/Index Only Scan using idx_bookings_live_name_filtered/);
    expect(byName).not.toMatch(/lower\(/);
    // In date order the date index holds it, and the walk reads it.
    const byDate = await planOf("appointmentDate");
    expect(byDate).toMatch(/Index Only Scan using idx_bookings_live_date_filtered/);
    expect(byDate).toMatch(/\(\(CASE WHEN \(octet_length/);
  });
});
