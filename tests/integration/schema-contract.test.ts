/**
 * The seed contract (docs/data-contract.md) as the database really has it after migrating:
 * tables, indexes, triggers, the view and the constraints that reject bad rows.
 */
import { describe, expect, inject, it } from "vitest";
import { getPool } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { insertAuthzWorld } from "../support/insert-authz-world";

const rows = async <T>(query: string, params: unknown[] = []) =>
  (await getPool().query(query, params)).rows as T[];

/** Runs a statement expecting Postgres to refuse it; returns the error message. */
async function refused(statement: string, params: unknown[] = []): Promise<string> {
  try {
    await getPool().query(statement, params);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected the database to refuse: ${statement}`);
}

describe("the migrated schema", () => {
  it("has every seed table, the better-auth tables and the active_bookings view", async () => {
    const tables = (
      await rows<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      )
    ).map((r) => r.table_name);
    for (const name of [
      "specialists",
      "bookings",
      "booking_progress",
      "documents",
      "audit_logs",
      "webhook_events",
      "users",
      "sessions",
      "accounts",
      "verifications",
      "organizations",
      "members",
      "teams",
      "team_members",
      "invitations",
    ]) {
      expect(tables).toContain(name);
    }
    const views = await rows<{ table_name: string }>(
      "SELECT table_name FROM information_schema.views WHERE table_schema = 'public'",
    );
    expect(views.map((v) => v.table_name)).toContain("active_bookings");
  });

  it("has every index the seed names, including the partial composite one", async () => {
    const indexes = await rows<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    );
    const names = indexes.map((i) => i.indexname);
    for (const name of [
      "idx_specialists_user_id",
      "idx_specialists_active",
      "idx_specialists_acuity_calendar",
      "idx_bookings_specialist",
      "idx_bookings_organization",
      "idx_bookings_team",
      "idx_bookings_created_by",
      "idx_bookings_appointment_date",
      "idx_bookings_status",
      "idx_bookings_acuity",
      "idx_bookings_search",
      "idx_booking_progress_booking",
      "idx_booking_progress_created",
      "idx_documents_booking",
      "idx_documents_category",
      "idx_documents_uploaded_by",
      "idx_audit_logs_user",
      "idx_audit_logs_resource",
      "idx_audit_logs_timestamp",
      "idx_audit_logs_action",
      "idx_webhook_events_source",
      "idx_webhook_events_resource",
      "idx_webhook_events_processed",
      "idx_webhook_events_created",
      "idx_bookings_composite_filter",
      "idx_documents_booking_category",
      "members_organization_user_uq",
    ]) {
      expect(names).toContain(name);
    }
    const partial = indexes.find((i) => i.indexname === "idx_bookings_composite_filter");
    expect(partial?.indexdef).toMatch(/WHERE .*status.* = 'active'/);
  });

  it("applies migrations idempotently", async () => {
    const before = await rows<{ count: string }>("SELECT count(*) FROM drizzle.__drizzle_migrations");
    await migrateDatabase(process.env.DATABASE_URL!);
    const after = await rows<{ count: string }>("SELECT count(*) FROM drizzle.__drizzle_migrations");
    expect(after).toEqual(before);
  });
});

describe("the audit log", () => {
  it("accepts new rows but refuses UPDATE, DELETE and TRUNCATE", async () => {
    const id = `audit-${Date.now()}`;
    await getPool().query(
      "INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, ip_address) VALUES ($1, 'u', 'booking.created', 'booking', 'b', '10.0.0.1')",
      [id],
    );
    expect(await refused("UPDATE audit_logs SET action = 'x' WHERE id = $1", [id])).toMatch(/append-only/);
    expect(await refused("DELETE FROM audit_logs WHERE id = $1", [id])).toMatch(/append-only/);
    expect(await refused("TRUNCATE audit_logs")).toMatch(/append-only/);
    const [row] = await rows<{ action: string }>("SELECT action FROM audit_logs WHERE id = $1", [id]);
    expect(row?.action).toBe("booking.created");
  });

  it("refuses an ip address that is not one", async () => {
    expect(
      await refused(
        "INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, ip_address) VALUES ('bad-ip', 'u', 'a', 'b', 'c', 'not-an-ip')",
      ),
    ).toMatch(/inet/);
  });
});

describe("booking and document constraints", () => {
  it("rejects unknown stages, statuses, types and sources, and appointments not after creation", async () => {
    const { bookingIds } = await insertAuthzWorld();
    const id = bookingIds.aNoTeam;
    expect(await refused("UPDATE bookings SET current_progress = 'lost' WHERE id = $1", [id])).toMatch(
      /check constraint/,
    );
    expect(await refused("UPDATE bookings SET status = 'deleted' WHERE id = $1", [id])).toMatch(
      /check constraint/,
    );
    expect(await refused("UPDATE bookings SET appointment_type = 'phone' WHERE id = $1", [id])).toMatch(
      /check constraint/,
    );
    expect(await refused("UPDATE bookings SET source = 'fax' WHERE id = $1", [id])).toMatch(
      /check constraint/,
    );
    expect(
      await refused("UPDATE bookings SET appointment_date = created_at - interval '1 day' WHERE id = $1", [
        id,
      ]),
    ).toMatch(/valid_appointment_date/);
  });

  it("bumps updated_at on every update by trigger", async () => {
    const { bookingIds } = await insertAuthzWorld();
    const id = bookingIds.aTeam1;
    await getPool().query("UPDATE bookings SET updated_at = '2000-01-01' WHERE id = $1", [id]);
    const [row] = await rows<{ updated_at: Date }>("SELECT updated_at FROM bookings WHERE id = $1", [id]);
    expect(row!.updated_at.getFullYear()).toBeGreaterThan(2000);
  });

  it("rejects an empty document, one over 500 MB and an unknown category", async () => {
    const { bookingIds, id } = await insertAuthzWorld();
    const insert = (key: string, size: number, category = "brief") =>
      getPool().query(
        `INSERT INTO documents (id, booking_id, uploaded_by_id, s3_key, file_name, file_size, mime_type, category)
         VALUES ($1, $2, $3, $1, 'brief.pdf', $4, 'application/pdf', $5)`,
        [id(key), bookingIds.aNoTeam, id("ownerA"), size, category],
      );
    await expect(insert("empty", 0)).rejects.toThrow(/valid_file_size/);
    await expect(insert("huge", 524288001)).rejects.toThrow(/valid_file_size/);
    await expect(insert("odd", 10, "x-ray")).rejects.toThrow(/check constraint/);
    await expect(insert("fine", 524288000)).resolves.toBeDefined();
  });
});

it("runs against the run's own scratch database", () => {
  expect(process.env.DATABASE_URL).toBe(inject("databaseUrl"));
});
