/**
 * One pool per process, one drizzle wrapper per copy of db/client.ts (db/client.ts says why: a
 * wrapper shared with another copy of drizzle-orm checks every column the slow way). A second copy
 * of the module — as Next's bundle layers and the portal server each load one — gets its own
 * wrapper over the same pool, and both answer.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as client from "@/db/client";

describe("the database client", () => {
  it("shares the process's pool but gives each copy of the module its own drizzle wrapper", async () => {
    const db = client.getDb();
    expect(client.getDb()).toBe(db);

    vi.resetModules();
    const secondCopy = await import("@/db/client");
    expect(secondCopy).not.toBe(client);
    expect(secondCopy.getPool()).toBe(client.getPool());
    const otherDb = secondCopy.getDb();
    expect(otherDb).not.toBe(db);
    expect(secondCopy.getDb()).toBe(otherDb);

    const answer = async (database: client.Database) =>
      (await database.execute<{ n: number }>(sql`select 41 + 1 as n`)).rows[0]?.n;
    expect(await answer(db)).toBe(42);
    expect(await answer(otherDb)).toBe(42);
  });
});
