import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { auditFilterFromSearchParams } from "@/lib/audit-trail/filters";
import { listAuditLogs } from "@/lib/audit-trail/list-audit-logs";
import { createSignedInAdmin } from "../support/admin-session";

/** 9:30 AM Tuesday 1 December 2026 in New York = 1:30 AM Wednesday 2 December in Sydney. */
const AT = new Date("2026-12-01T14:30:00Z");
const resourceId = `tz-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  const { actor } = await createSignedInAdmin();
  await getDb().insert(auditLogs).values({
    userId: actor.userId,
    action: "booking.created",
    resourceType: "booking",
    resourceId,
    ipAddress: "198.51.100.23",
    timestamp: AT,
  });
});

/** Rows of our resource for the days `from`…`to` of the calendar in `tz` (as the filter form sends them). */
async function found(day: string, tz?: string) {
  const parsed = auditFilterFromSearchParams({ resourceId, from: day, to: day, ...(tz ? { tz } : {}) });
  if (!parsed.success) throw parsed.error;
  return (await listAuditLogs(getDb(), parsed.data, { pageIndex: 0, pageSize: 10 })).total;
}

describe("audit trail days are the viewer's days (the zone the table shows times in)", () => {
  it("finds a 1:30 AM Sydney entry on the Sydney day, not on the UTC one", async () => {
    expect(await found("2026-12-02", "Australia/Sydney")).toBe(1);
    expect(await found("2026-12-01", "Australia/Sydney")).toBe(0);
  });

  it("reads days as UTC when no zone is given, and as New York's when that is the viewer's", async () => {
    expect(await found("2026-12-01")).toBe(1);
    expect(await found("2026-12-02")).toBe(0);
    expect(await found("2026-12-01", "America/New_York")).toBe(1);
  });

  it("refuses a zone that does not exist", () => {
    expect(auditFilterFromSearchParams({ tz: "Mars/Olympus_Mons" }).success).toBe(false);
  });
});
