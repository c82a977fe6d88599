import { createHash, createHmac } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";

/**
 * One audit row as the text its hash and MAC cover: a JSON array of every column in table order,
 * produced by Postgres itself — jsonb's text form is canonical (the metadata's keys sorted, no
 * insignificant whitespace choices), the address keeps its mask (`10.0.0.1/32`), and the time is
 * ISO 8601 in UTC with its microseconds (a JS Date would drop them, and the hash with them).
 *
 * `row` is how the statement names audit_logs (`audit_logs` in an INSERT's RETURNING, an alias in
 * a SELECT). Deliberately an expression in the portal's code, not a function in the database: a
 * superuser could redefine a database function to describe a changed row as it was.
 */
export function canonicalAuditRow(row: string): SQL<string> {
  const c = (column: string) => `${row}."${column}"`;
  // NULL (not an array of nulls) where a LEFT JOIN found no row: a removed row stays "no row".
  return sql<string>`${sql.raw(
    `CASE WHEN ${c("id")} IS NULL THEN NULL ELSE pg_catalog.jsonb_build_array(${c("id")}, ${c("user_id")}, ${c("impersonated_user_id")}, ${c(
      "action",
    )}, ${c("resource_type")}, ${c("resource_id")}, ${c("metadata")}, ${c("ip_address")}::text, ${c(
      "user_agent",
    )}, pg_catalog.to_char(${c("timestamp")} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text END`,
  )}`;
}

/** SHA-256 of a row's canonical text (hex): what a seal records for the row. */
export function auditRowHash(canonical: string): string {
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** HMAC of a row's canonical text (hex): written beside the row, in its transaction. */
export function auditRowMac(key: Buffer, canonical: string): string {
  return createHmac("sha256", key).update(canonical, "utf8").digest("hex");
}

/** The previous hash of the first seal. */
export const GENESIS_HASH = "0".repeat(64);

/** What a seal records for a row whose MAC was pending but whose row was gone. */
export const ABSENT_ROW_HASH = "absent";

/**
 * A seal's hash: HMAC(key, sequence ‖ previous seal's hash ‖ its rows' hashes in position order,
 * each with its MAC verdict). Without the key nobody can re-make a seal over changed rows.
 */
export function sealHash(
  key: Buffer,
  sequence: number,
  previousHash: string,
  rows: readonly { rowHash: string; macValid: boolean }[],
): string {
  const mac = createHmac("sha256", key).update(`seal ${sequence}\n${previousHash}\n`);
  for (const row of rows) mac.update(`${row.rowHash}${row.macValid ? "" : " unauthenticated"}\n`);
  return mac.digest("hex");
}
