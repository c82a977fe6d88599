/**
 * The statements every page runs are named (db/named-statement.ts): PostgreSQL keeps them per
 * connection, so they are parsed once — and the next call with other values must still answer for
 * those values, not the first call's.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db/client";
import { executeNamed, queryNamed } from "@/db/named-statement";
import { users } from "@/db/schema";
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

  it("gives another text another statement, and maps a query builder's columns as drizzle does", async () => {
    const user = await createUserWithPassword("user");
    await getDb().transaction(async (tx) => {
      const byId = await executeNamed(
        tx.select({ name: users.name }).from(users).where(eq(users.id, user.id)),
      );
      const byEmail = await executeNamed(
        tx.select({ email: users.email, id: users.id }).from(users).where(eq(users.email, user.email)),
      );
      expect(byId).toEqual([{ name: expect.stringMatching(/^user /) }]);
      expect(byEmail).toEqual([{ email: user.email, id: user.id }]);
    });
  });
});
