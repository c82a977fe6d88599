/**
 * The homes' statements — the counts by stage, "reports ready" with its count, the specialist's
 * week, and every bounded list (the next 14 days, papers missing, overdue, the specialist's lists)
 * with its count — are named statements (db/named-statement.ts): after five calls on a connection
 * PostgreSQL may keep one generic plan for each, blind to the values. Every viewer must still get
 * their own bookings from it.
 */
import { randomUUID } from "node:crypto";
import { inArray, sql, TransactionRollbackError } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db/client";
import { bookings, documents } from "@/db/schema";
import { loadActor } from "@/lib/authz/load-actor";
import { countBookingsByStage, listReadyReports, listUpcomingExaminations } from "@/lib/homes/referrer-home";
import { loadSpecialistWeek } from "@/lib/homes/specialist-home";
import { addDays, localDateIn } from "@/lib/time/zoned";
import { ACTOR_KEYS, BOOKING_KEYS, VISIBLE, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

let id: IdOf;
let bookingIds: Record<BookingKey, string>;

beforeAll(async () => {
  ({ id, bookingIds } = await insertAuthzWorld({ withMemberships: true }));
});

// The platform admin's counts are the whole database's (other files' bookings too).
const ACTORS = ACTOR_KEYS.filter((key) => key !== "platformAdmin");
const CALLS = 7;

/**
 * Statements prepared on this connection whose text holds every marker, with how each was planned
 * (the connection may hold an earlier test's statements too).
 */
const prepared = async (tx: Tx, ...markers: string[]) =>
  (
    await tx.execute<{ statement: string; generic_plans: number; custom_plans: number }>(
      sql`select statement, generic_plans::int, custom_plans::int from pg_prepared_statements`,
    )
  ).rows.filter((row) => markers.every((marker) => row.statement.includes(marker)));

/** A fixture booking's key by its id. */
const keyOf = (bookingId: string) =>
  Object.entries(bookingIds).find(([, fixtureId]) => fixtureId === bookingId)?.[0];

/** Runs `work` in a transaction that is rolled back after it: its bookings and documents stay its own. */
async function inRolledBackTransaction(work: (tx: Tx) => Promise<void>) {
  await expect(
    getDb().transaction(async (tx) => {
      await work(tx);
      tx.rollback();
    }),
  ).rejects.toThrow(TransactionRollbackError);
}

/** Each text was answered every call, a text called more than five times from a kept plan. */
function expectKeptPlans(statements: Awaited<ReturnType<typeof prepared>>, calls: number) {
  expect(statements.reduce((sum, row) => sum + row.generic_plans + row.custom_plans, 0)).toBe(calls);
  const reused = statements.filter((row) => row.generic_plans + row.custom_plans > 5);
  expect(reused.length).toBeGreaterThan(0);
  for (const row of reused) expect(row.generic_plans).toBeGreaterThan(0);
  // A `limit $n` costs a tenth of the table in a generic plan (db/named-statement.ts, limitInText).
  for (const row of statements) expect(row.statement).not.toMatch(/limit \$\d/);
}

describe("the homes' kept plans", () => {
  it("count each viewer's own bookings by stage, call after call on one connection", async () => {
    await getDb().transaction(async (tx) => {
      for (let call = 0; call < CALLS; call++) {
        for (const actorKey of ACTORS) {
          const actor = (await loadActor(tx, id(actorKey), null))!;
          const counts = await countBookingsByStage(tx, actor);
          const seen = BOOKING_KEYS.filter((key) => VISIBLE[actorKey][key]).length;
          expect(counts.scheduled, actorKey).toEqual({ total: seen, capped: false });
          expect(Object.values(counts).reduce((sum, count) => sum + count.total, 0)).toBe(seen);
        }
      }
      expectKeptPlans(await prepared(tx, "stage.name as stage"), CALLS * ACTORS.length);
    });
  });

  it("list each viewer's reports ready, and only theirs, from the kept plans", async () => {
    const ready: BookingKey[] = ["aTeam1", "aTeam2", "bTeam1"];
    await inRolledBackTransaction(async (tx) => {
      const readyIds = ready.map((key) => bookingIds[key]);
      await tx
        .update(bookings)
        .set({ currentProgress: "report_generated" })
        .where(inArray(bookings.id, readyIds));
      await tx.insert(documents).values(
        readyIds.map((bookingId) => ({
          bookingId,
          uploadedById: id("specialistS1"),
          s3Key: `home-plans/${randomUUID()}.pdf`,
          fileName: "report.pdf",
          fileSize: 1_000,
          mimeType: "application/pdf",
          category: "report" as const,
        })),
      );
      for (let call = 0; call < CALLS; call++) {
        for (const actorKey of ACTORS) {
          const actor = (await loadActor(tx, id(actorKey), null))!;
          const list = await listReadyReports(tx, actor);
          const expected = ready.filter((key) => VISIBLE[actorKey][key]).sort();
          expect(list.rows.map((row) => keyOf(row.id)).sort(), actorKey).toEqual(expected);
          expect(list.total).toBe(expected.length);
          expect(list.rows.every((row) => row.fileName === "report.pdf")).toBe(true);
        }
      }
      const calls = CALLS * ACTORS.length;
      expectKeptPlans(await prepared(tx, `"bookings"."examinee_name"`), calls);
      expectKeptPlans(await prepared(tx, "count(*)::int"), calls);
    });
  });

  it("list each viewer's next examinations, and only theirs, from the kept plans", async () => {
    await inRolledBackTransaction(async (tx) => {
      // The fixture's bookings are one a day from tomorrow: all within the next 14 days.
      for (let call = 0; call < CALLS; call++) {
        for (const actorKey of ACTORS) {
          const actor = (await loadActor(tx, id(actorKey), null))!;
          const list = await listUpcomingExaminations(tx, actor, new Date(), BOOKING_KEYS.length);
          const expected = BOOKING_KEYS.filter((key) => VISIBLE[actorKey][key]);
          expect(
            list.rows.map((row) => keyOf(row.id)),
            actorKey,
          ).toEqual(expected);
          expect(list.total).toBe(expected.length);
        }
      }
      const calls = CALLS * ACTORS.length;
      // The next 14 days' upper bound is in these statements only.
      const withinDays = `"bookings"."appointment_date" <`;
      expectKeptPlans(await prepared(tx, `"bookings"."examinee_name"`, withinDays), calls);
      expectKeptPlans(await prepared(tx, "count(*)::int", withinDays), calls);
    });
  });

  it("show the specialist their own week, day by day, from the kept plan", async () => {
    await inRolledBackTransaction(async (tx) => {
      const actor = (await loadActor(tx, id("specialistS1"), null))!;
      // The fixture's bookings are one a day from tomorrow: the 14 days from today hold them all,
      // in BOOKING_KEYS' order.
      const today = localDateIn(new Date(), "UTC");
      const expected = BOOKING_KEYS.filter((key) => VISIBLE.specialistS1[key]);
      expect(expected.length).toBeGreaterThan(1);
      for (let call = 0; call < CALLS; call++) {
        const shown: string[] = [];
        for (const start of [today, addDays(today, 7)]) {
          const week = await loadSpecialistWeek(tx, actor, start, "UTC", new Date());
          shown.push(...week.days.flatMap((day) => day.examinations.map((row) => keyOf(row.id)!)));
        }
        expect(shown).toEqual(expected);
      }
      expectKeptPlans(await prepared(tx, "cross join lateral", "as counted"), CALLS * 2);
    });
  });
});
