/**
 * The statements every page runs are named (db/named-statement.ts): PostgreSQL keeps them per
 * connection, so they are parsed once — and the next call with other values must still answer for
 * those values, not the first call's.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { Pool, type PoolClient } from "pg";
import { getDb, getPool, type Tx } from "@/db/client";
import { PortalClient } from "@/db/connection-scope";
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
  // One pooled connection, asked directly: each text its own name, as statementName gives them.
  const ask = (client: PoolClient, i: number) =>
    client.query<{ n: number }>({
      name: `n_bound_test_${i}`,
      text: `select ${i}::int + $1::int as n`,
      values: [1],
    });
  const preparedOn = async (client: PoolClient) =>
    (await client.query<{ name: string }>("select name from pg_prepared_statements")).rows.map((r) => r.name);
  // A new connection of the portal's client for each case, so which name is the least recently used
  // is the case's own doing — not whatever the file's earlier cases left on a pooled one.
  const ownConnection = async () => {
    const pool = new Pool({
      connectionString: getPool().options.connectionString,
      max: 1,
      Client: PortalClient,
    });
    onTestFinished(() => pool.end());
    return pool.connect();
  };

  it("keep the bound by giving up the least recently used: every text answers, and one given up is prepared again when it comes back", async () => {
    const client = await ownConnection();
    try {
      const past = NAMED_STATEMENTS_PER_CONNECTION + 5;
      for (let i = 0; i < past; i++) expect((await ask(client, i)).rows).toEqual([{ n: i + 1 }]);
      const prepared = await preparedOn(client);
      expect(prepared.length).toBeLessThanOrEqual(NAMED_STATEMENTS_PER_CONNECTION);
      // The newest are kept; the first were given up.
      expect(prepared).toContain(`n_bound_test_${past - 1}`);
      expect(prepared).not.toContain("n_bound_test_0");
      // The first again: prepared anew under its name (pg was told it was gone — no "does not exist").
      expect((await ask(client, 0)).rows).toEqual([{ n: 1 }]);
      expect(await preparedOn(client)).toContain("n_bound_test_0");
    } finally {
      client.release(true);
    }
  });

  it("stay usable when giving one up is refused inside a failed transaction", async () => {
    const client = await ownConnection();
    try {
      for (let i = 0; i < NAMED_STATEMENTS_PER_CONNECTION; i++) await ask(client, i);
      await client.query("begin");
      await expect(client.query("select 1 / 0")).rejects.toThrow();
      // A new text now gives up the oldest — the DEALLOCATE is refused, as is the text itself.
      await expect(ask(client, 1000)).rejects.toThrow();
      await client.query("rollback");
      // The oldest (the first asked) is still prepared, and pg knows it: asked again, pg sends no
      // Parse — one would answer "already exists".
      expect((await ask(client, 0)).rows).toEqual([{ n: 1 }]);
      expect((await ask(client, 1000)).rows).toEqual([{ n: 1001 }]);
    } finally {
      client.release(true);
    }
  });

  it("forget a name PostgreSQL never prepared without failing the transaction that gives it up", async () => {
    const client = await ownConnection();
    try {
      // Asked inside a failed transaction: its Parse is refused, so PostgreSQL never holds it.
      await client.query("begin");
      await expect(client.query("select 1 / 0")).rejects.toThrow();
      await expect(ask(client, 0)).rejects.toThrow();
      await client.query("rollback");
      for (let i = 1; i < NAMED_STATEMENTS_PER_CONNECTION; i++) await ask(client, i);
      // The bound is reached: the next text gives up that first name — inside someone's transaction,
      // which must go on (a DEALLOCATE of it would answer "does not exist" and fail it).
      await client.query("begin");
      expect((await ask(client, 1000)).rows).toEqual([{ n: 1001 }]);
      expect((await client.query<{ ok: number }>("select 1 as ok")).rows).toEqual([{ ok: 1 }]);
      await client.query("commit");
      const prepared = await preparedOn(client);
      expect(prepared).toContain("n_bound_test_1000");
      expect(prepared).not.toContain("n_bound_test_0");
      expect(prepared.length).toBeLessThanOrEqual(NAMED_STATEMENTS_PER_CONNECTION);
    } finally {
      client.release(true);
    }
  });
});
