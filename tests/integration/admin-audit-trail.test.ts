import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { handleAuditExport } from "@/lib/audit-trail/export-handler";
import { AUDIT_CSV_HEADER } from "@/lib/audit-trail/export-csv";
import { listAuditLogs } from "@/lib/audit-trail/list-audit-logs";
import type { Actor } from "@/lib/authz/actor";
import { canRescheduleOrCancel } from "@/lib/authz/policy";
import { changeProgress } from "@/lib/bookings/progress";
import { banUserDefinition } from "@/lib/users/account-actions";
import { startImpersonation } from "@/lib/impersonation/start-impersonation";
import { auditContextFor } from "@/lib/actions/request-actor";
import { SOCKET_ADDRESS_HEADER } from "@/lib/audit/request-context";
import { trustSocketAddressHeader } from "@/lib/audit/stamp-socket-address";
import { as, createSignedInAdmin } from "../support/admin-session";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

let admin: Actor;
let id: IdOf;
let bookingIds: Record<BookingKey, string>;
let adminRequest: Awaited<ReturnType<typeof createSignedInAdmin>>["request"];
// This file plays the portal server for the export request below.
trustSocketAddressHeader();
beforeAll(async () => {
  ({ actor: admin, request: adminRequest } = await createSignedInAdmin());
  ({ id, bookingIds } = await insertAuthzWorld());
});

/** Reads a Response body chunk by chunk, keeping only counts and the lines we check. */
async function consume(response: Response, keep: (line: string) => boolean) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let lines = 0;
  const kept: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const text = rest + decoder.decode(value, { stream: true });
    const parts = text.split("\r\n");
    rest = parts.pop() ?? "";
    for (const line of parts) {
      lines++;
      if (keep(line)) kept.push(line);
    }
  }
  return { lines, kept };
}

describe("the audit trail", () => {
  it("records both people for what an admin does while impersonating, and finds it filtered by that user", async () => {
    const actors = buildActors(id);
    const impersonating = { ...actors.memberA1, impersonatorId: admin.userId };
    const cancel = defineAction(
      {
        input: z.object({ bookingId: z.string() }),
        authorize: () => true,
        run: ({ tx, actor, auditContext }, input) =>
          changeProgress(
            tx,
            { actor, auditContext },
            {
              bookingId: input.bookingId,
              expectedFrom: "scheduled",
              to: "cancelled",
              note: "Claim withdrawn",
            },
            async () => {},
          ),
      },
      as(impersonating),
    );
    expect(
      canRescheduleOrCancel(impersonating, {
        organizationId: id("A"),
        teamId: id("A1"),
        specialistId: id("S1"),
        createdById: id("ownerA"),
        createdForId: null,
        status: "active",
      }),
    ).toBe(true);
    expect(await cancel({ bookingId: bookingIds.aTeam1 })).toMatchObject({ ok: true });

    const [progress] = await getDb()
      .select()
      .from(t.bookingProgress)
      .where(eq(t.bookingProgress.bookingId, bookingIds.aTeam1));
    expect(progress).toMatchObject({ changedById: admin.userId, changedForId: id("memberA1") });
    const { rows, total } = await listAuditLogs(
      getDb(),
      { impersonated: `${id("memberA1")}@fixture.test` },
      { pageIndex: 0, pageSize: 10 },
    );
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      action: "booking.progress_changed",
      userId: admin.userId,
      actorEmail: admin.email,
      impersonatedUserId: id("memberA1"),
      impersonatedEmail: `${id("memberA1")}@fixture.test`,
      resourceId: bookingIds.aTeam1,
      metadata: { to: "cancelled", note: "Claim withdrawn" },
    });
    // Same rows by booking (the booking tab's filter) and by actor name.
    expect(
      (await listAuditLogs(getDb(), { bookingId: bookingIds.aTeam1 }, { pageIndex: 0, pageSize: 10 })).total,
    ).toBe(1);
    expect(
      (
        await listAuditLogs(
          getDb(),
          { actor: admin.name, resourceId: bookingIds.aTeam1 },
          { pageIndex: 0, pageSize: 10 },
        )
      ).total,
    ).toBe(1);
  });

  it("refuses to impersonate a user banned through the console", async () => {
    await defineAction(
      banUserDefinition(adminRequest),
      as(admin),
    )({ userId: id("memberNoTeamA"), reason: "Account shared" });
    const context = auditContextFor(admin, { ipAddress: "198.51.100.23", userAgent: "vitest" });
    await expect(
      getDb().transaction((tx) =>
        startImpersonation(
          { tx, actor: admin, auditContext: context },
          { userId: id("memberNoTeamA"), reason: "Check" },
          async () => {},
        ),
      ),
    ).rejects.toThrow(/Banned users cannot be impersonated/);
  });

  it("exports 100,000 matching rows as CSV in bounded chunks, only the filtered ones, and audits the export", async () => {
    const tag = randomBytes(4).toString("hex");
    const matching = 100_000;
    const chunkSize = 5_000;
    // The filter: this admin as actor, this action, an IP range; decoys differ in one field each.
    await getDb().execute(/* sql */ `
      INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, metadata, ip_address, user_agent, timestamp)
      SELECT '${tag}-' || lpad(n::text, 7, '0'), '${admin.userId}', 'booking.updated', 'booking', 'bk-${tag}-' || n,
             jsonb_build_object('n', n, 'note', 'needs "quotes", commas'), ('10.20.' || (n % 200) || '.' || (n % 250))::inet, 'load-test',
             now() - (n || ' milliseconds')::interval
        FROM generate_series(1, ${matching}) AS n;
      INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, metadata, ip_address)
      SELECT '${tag}-decoy-' || n, CASE WHEN n % 3 = 0 THEN '${id("ownerA")}' ELSE '${admin.userId}' END,
             CASE WHEN n % 3 = 1 THEN 'booking.created' ELSE 'booking.updated' END, 'booking', 'decoy-' || n, '{}',
             (CASE WHEN n % 3 = 2 THEN '192.0.2.1' ELSE '10.20.0.1' END)::inet
        FROM generate_series(1, 300) AS n;`);

    const fetches: number[] = [];
    const heap: number[] = [];
    const request = new Request(
      `http://portal.test/api/admin/audit/export?actor=${admin.userId}&action=booking.updated&ip=10.20.0.0/16`,
      {
        // As the portal server passes it on: the connection's address (no proxy trusted).
        headers: {
          [SOCKET_ADDRESS_HEADER]: "203.0.113.9",
          "x-forwarded-for": "198.51.100.99",
          "user-agent": "vitest-export",
        },
      },
    );
    // What is *held* while streaming, not garbage waiting for the next collection (which made
    // the figure depend on GC timing): collect first, then measure (vitest runs with --expose-gc).
    const liveHeap = () => {
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed;
    };
    const baseline = liveHeap();
    const response = await handleAuditExport(request, async () => admin, {
      chunkSize,
      onChunk: (rows) => {
        fetches.push(rows);
        heap.push(liveHeap() - baseline);
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);

    const ids = new Set<string>();
    let header = "";
    const { lines } = await consume(response, (line) => {
      if (!header) return Boolean((header = line));
      const columns = line.split(",");
      expect(columns[1]).toBe(admin.userId);
      expect(columns[5]).toBe("booking.updated");
      ids.add(columns[7]!);
      return false;
    });
    expect(header).toBe(AUDIT_CSV_HEADER.join(","));
    expect(lines).toBe(matching + 1);
    expect(ids.size).toBe(matching);
    expect([...ids].every((resourceId) => resourceId.startsWith(`bk-${tag}-`))).toBe(true);
    // Never more than one chunk in hand: 20 full fetches and the empty one that ends the stream.
    expect(fetches).toEqual([...Array(matching / chunkSize).fill(chunkSize), 0]);
    // Heap stays far below what 100,000 rows in memory would take (they are ~30 MB as CSV text alone).
    expect(Math.max(...heap)).toBeLessThan(64 * 1024 * 1024);

    const [exported] = await getDb()
      .select()
      .from(t.auditLogs)
      .where(and(eq(t.auditLogs.action, "audit.exported"), eq(t.auditLogs.userId, admin.userId)));
    expect(exported).toMatchObject({
      ipAddress: "203.0.113.9",
      userAgent: "vitest-export",
      metadata: { filter: { action: "booking.updated", ip: "10.20.0.0/16" } },
    });
  }, 180_000);

  it("answers 404 to anyone but an admin acting as themselves, and writes nothing", async () => {
    const actors = buildActors(id);
    for (const actor of [
      actors.ownerA,
      actors.specialistS1,
      { ...actors.memberA1, impersonatorId: admin.userId },
      null,
    ]) {
      const response = await handleAuditExport(
        new Request("http://portal.test/api/admin/audit/export"),
        async () => actor,
      );
      expect(response.status).toBe(404);
    }
    const exports = await getDb()
      .select()
      .from(t.auditLogs)
      .where(and(eq(t.auditLogs.action, "audit.exported"), eq(t.auditLogs.userId, actors.ownerA.userId)));
    expect(exports).toHaveLength(0);
  });

  it("refuses a malformed filter with 400 and says why", async () => {
    const response = await handleAuditExport(
      new Request("http://portal.test/api/admin/audit/export?ip=not-an-ip&from=2026-12-01&to=2026-11-01"),
      async () => admin,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /IP address.*start date is after the end date|start date is after the end date.*IP address/,
    );
  });
});
