import type { Pool } from "pg";

/** A one-line summary of a Postgres JSON plan: how each table is reached, and any seq scan of bookings. */
interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function planShape(plan: PlanNode): { shape: string; seqScanOfBookings: boolean } {
  const parts: string[] = [];
  let seqScanOfBookings = false;
  const walk = (node: PlanNode) => {
    if (node["Relation Name"] || node["Index Name"]) {
      const target = node["Index Name"]
        ? `${node["Relation Name"] ?? ""}(${node["Index Name"]})`
        : node["Relation Name"];
      parts.push(`${node["Node Type"]} ${target}`);
      if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "bookings") seqScanOfBookings = true;
    }
    node.Plans?.forEach(walk);
  };
  walk(plan);
  return { shape: [...new Set(parts)].join(", "), seqScanOfBookings };
}

/** EXPLAINs a captured statement (as drizzle's logger saw it) and summarizes its plan (planShape). */
export async function explainShape(
  pool: Pool,
  statement: { sql: string; params: unknown[] },
): Promise<{ shape: string; seqScanOfBookings: boolean }> {
  const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params);
  return planShape((rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan);
}
