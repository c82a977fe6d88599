/**
 * The statements every page runs are named (db/named-statement.ts): PostgreSQL keeps them per
 * connection, so they are parsed once — and the next call with other values must still answer for
 * those values, not the first call's.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db/client";
import { NAMED_STATEMENTS_PER_CONNECTION, queryNamed } from "@/db/named-statement";
import { createUserWithPassword } from "../support/auth-http";

const preparedOnThisConnection = async (tx: Tx) =>
  (await tx.execute<{ name: string }>(sql`select name from pg_prepared_statements`)).rows.map((r) => r.name);

describe("named statements", () => {
  it("are prepared on the connection once and answer each call for its own values", async () => {
    const [first, second] = [await createUserWithPassword("user"), await createUserWithPassword("user")];
    const emailOf = (id: string) => sql`select u.email from users u where u.id = ${id}`;
    await getDb().transaction(async (tx) => {
      const before = await preparedOnThisConnection(tx);
      expect(await queryNamed<{ email: string }>(tx, emailOf(first.id))).toEqual([{ email: first.email }]);
      const after = await preparedOnThisConnection(tx);
      const added = after.filter((name) => !before.includes(name));
      expect(added).toHaveLength(1);

      // The same text again — other values, the same prepared statement.
      expect(await queryNamed<{ email: string }>(tx, emailOf(second.id))).toEqual([{ email: second.email }]);
      expect(await preparedOnThisConnection(tx)).toEqual(after);
    });
  });

  it("gives another text another statement, each answering for itself", async () => {
    const user = await createUserWithPassword("user");
    await getDb().transaction(async (tx) => {
      const before = await preparedOnThisConnection(tx);
      const byId = await queryNamed<{ name: string }>(
        tx,
        sql`select u.name from users u where u.id = ${user.id}`,
      );
      const byEmail = await queryNamed<{ email: string; id: string }>(
        tx,
        sql`select u.email, u.id from users u where u.email = ${user.email}`,
      );
      expect(byId).toEqual([{ name: expect.stringMatching(/^user /) }]);
      expect(byEmail).toEqual([{ email: user.email, id: user.id }]);
      const added = (await preparedOnThisConnection(tx)).filter((name) => !before.includes(name));
      expect(added).toHaveLength(2);
    });
  });
});

describe("named statements per connection", () => {
  it("stop at the bound: texts past it run unnamed and still answer", async () => {
    await getDb().transaction(async (tx) => {
      const before = (await preparedOnThisConnection(tx)).length;
      const extra = 5;
      for (let i = 0; i < NAMED_STATEMENTS_PER_CONNECTION + extra; i++) {
        // A text of its own each (the number is written into it), one value sent as a parameter.
        const rows = await queryNamed<{ n: number }>(
          tx,
          sql`select ${sql.raw(String(i))}::int + ${1}::int as n`,
        );
        expect(rows).toEqual([{ n: i + 1 }]);
      }
      const after = (await preparedOnThisConnection(tx)).length;
      expect(after).toBeLessThanOrEqual(NAMED_STATEMENTS_PER_CONNECTION);
      expect(after).toBeGreaterThan(before);
    });
  });
});
