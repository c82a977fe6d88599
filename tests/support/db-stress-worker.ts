/**
 * One process of the embedded-database stress test: `connections` pooled connections issue
 * parameterized queries of different shapes (parameter counts and types, inside and outside
 * transactions) and check every answer against what they asked. Prints one JSON line:
 * { queries, wrong, errors, samples }. Run: tsx tests/support/db-stress-worker.ts URL TAG CONNECTIONS ITERATIONS
 */
import { Pool, type PoolClient } from "pg";

const [url, tag, connectionsArg, iterationsArg] = process.argv.slice(2);
const connections = Number(connectionsArg);
const iterations = Number(iterationsArg);

let queries = 0;
let wrong = 0;
let errors = 0;
const samples: string[] = [];

function note(kind: "wrong" | "error", text: string) {
  if (kind === "wrong") wrong++;
  else errors++;
  if (samples.length < 5) samples.push(`${kind}: ${text.slice(0, 200)}`);
}

function check(label: string, actual: unknown, expected: unknown) {
  queries++;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    note("wrong", `${label}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

/** Shapes that differ in parameter count and type, so a parameter bound to another's statement shows. */
async function oneRound(client: PoolClient, lane: string, i: number) {
  const a = i * 7 + lane.length;
  const b = i % 13;
  const sum = await client.query("SELECT $1::int + $2::int AS sum", [a, b]);
  check("sum", sum.rows[0]?.sum, a + b);

  const text = await client.query("SELECT $1::text || ':' || $2::text AS joined, $3::boolean AS flag", [
    lane,
    String(i),
    i % 2 === 0,
  ]);
  check("text", [text.rows[0]?.joined, text.rows[0]?.flag], [`${lane}:${i}`, i % 2 === 0]);

  const one = await client.query("SELECT $1::text AS echoed", [`${lane}#${i}`]);
  check("echo", one.rows[0]?.echoed, `${lane}#${i}`);

  const array = await client.query("SELECT cardinality($1::int[]) AS n, $2::timestamptz AS at", [
    [a, b, i],
    new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)),
  ]);
  check(
    "array",
    [array.rows[0]?.n, (array.rows[0]?.at as Date | undefined)?.toISOString()],
    [3, new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString()],
  );

  await client.query("BEGIN");
  try {
    const inserted = await client.query(
      "INSERT INTO stress_rows (lane, i, value) VALUES ($1, $2, $3) RETURNING value",
      [lane, i, `${lane}/${i}/${a}`],
    );
    check("insert", inserted.rows[0]?.value, `${lane}/${i}/${a}`);
    const locked = await client.query("SELECT value FROM stress_rows WHERE lane = $1 AND i = $2 FOR UPDATE", [
      lane,
      i,
    ]);
    check(
      "locked read",
      locked.rows.map((row) => row.value),
      [`${lane}/${i}/${a}`],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function lane(pool: Pool, index: number) {
  const laneName = `${tag}-${index}`;
  for (let i = 0; i < iterations; i++) {
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      await oneRound(client, laneName, i);
      client.release();
    } catch (error) {
      note("error", error instanceof Error ? error.message : String(error));
      client?.release(true);
    }
  }
}

const pool = new Pool({ connectionString: url, max: connections });
pool.on("error", (error) => note("error", `idle client: ${error.message}`));
await Promise.all(Array.from({ length: connections }, (_, index) => lane(pool, index)));
// Every committed row must hold exactly what its own lane wrote.
try {
  const stored = await pool.query(
    "SELECT count(*)::int AS n, count(*) FILTER (WHERE value <> lane || '/' || i || '/' || (i * 7 + length(lane)))::int AS bad FROM stress_rows WHERE lane LIKE $1",
    [`${tag}-%`],
  );
  check("stored rows", [stored.rows[0]?.n, stored.rows[0]?.bad], [connections * iterations, 0]);
} catch (error) {
  note("error", error instanceof Error ? error.message : String(error));
}
await pool.end().catch(() => {});
console.log(JSON.stringify({ queries, wrong, errors, samples }));
