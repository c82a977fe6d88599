/**
 * `npm run acuity:reconcile -- --from 2026-11-01 --to 2026-12-31`: reads every Acuity
 * appointment of the window and makes the bookings match (repairs missed webhooks).
 * Uses DATABASE_URL and the ACUITY_* variables; defaults to the last 7 and next 60 days.
 */
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { getAcuityClient } from "@/lib/acuity";
import { reconcileWindow } from "@/lib/acuity-sync/reconcile";
import { reconcileWindowSchema } from "@/lib/acuity-sync/schemas";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
const window = reconcileWindowSchema.safeParse({ from: values.from ?? day(-7), to: values.to ?? day(60) });
if (!window.success) {
  console.error(window.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(2);
}
try {
  const report = await reconcileWindow(getDb(), getAcuityClient(), { from: new Date(window.data.from), to: new Date(window.data.to) });
  console.log(JSON.stringify(report, null, 2));
  process.exitCode = report.failed.length ? 1 : 0;
} finally {
  await closeDb();
}
