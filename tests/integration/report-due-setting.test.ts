/**
 * Admin → Organizations → "Reports due after N business days": admins only (as themselves),
 * 1–60 with a field error otherwise, upserting the settings row (absent at first) and audited with
 * the value before and after.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organizationSettings } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { getReportDueBusinessDays } from "@/lib/organizations/report-due-setting";
import { setReportDueDaysDefinition } from "@/lib/organizations/report-due-setting-definitions";
import type { Actor } from "@/lib/authz/actor";
import { auditRowsFor } from "../support/audit-rows";
import { buildActors, type ActorKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { withUncheckedInput } from "../support/unchecked-action";
import { as } from "./booking-test-world";

let id: IdOf;
let actors: Record<ActorKey, Actor>;
beforeAll(async () => {
  ({ id } = await insertAuthzWorld());
  actors = buildActors(id);
});

const setDays = (actor: Actor) => defineAction(setReportDueDaysDefinition, as(actor));
const settingsRow = async (organizationId: string) =>
  (
    await getDb()
      .select()
      .from(organizationSettings)
      .where(eq(organizationSettings.organizationId, organizationId))
  )[0];

describe("the organization's report due days", () => {
  it("defaults to 10 without a settings row, and an admin's change creates the row and is audited", async () => {
    expect(await settingsRow(id("A"))).toBeUndefined();
    expect(await getReportDueBusinessDays(getDb(), id("A"))).toBe(10);

    const result = await setDays(actors.platformAdmin)({
      organizationId: id("A"),
      reportDueBusinessDays: "15",
    });
    expect(result).toMatchObject({ ok: true, data: { reportDueBusinessDays: 15, changed: true } });
    expect(await settingsRow(id("A"))).toMatchObject({ reportDueBusinessDays: 15, requireTwoFactor: false });

    const again = await setDays(actors.platformAdmin)({
      organizationId: id("A"),
      reportDueBusinessDays: "3",
    });
    expect(again.ok).toBe(true);
    const audits = (await auditRowsFor("organization", id("A"))).filter(
      (row) => row.action === "organization.report_due_days_changed",
    );
    expect(audits.map((row) => row.metadata)).toEqual(
      expect.arrayContaining([
        { reportDueBusinessDays: { from: 10, to: 15 } },
        { reportDueBusinessDays: { from: 15, to: 3 } },
      ]),
    );
    expect(audits.every((row) => row.userId === id("platformAdmin"))).toBe(true);
  });

  it("keeps the organization's other settings when it writes an existing row", async () => {
    await getDb()
      .insert(organizationSettings)
      .values({ organizationId: id("B"), requireTwoFactor: true });
    const result = await setDays(actors.platformAdmin)({
      organizationId: id("B"),
      reportDueBusinessDays: 20,
    });
    expect(result.ok).toBe(true);
    expect(await settingsRow(id("B"))).toMatchObject({ reportDueBusinessDays: 20, requireTwoFactor: true });
  });

  it("does not audit a save that changes nothing", async () => {
    await setDays(actors.platformAdmin)({ organizationId: id("B"), reportDueBusinessDays: "7" });
    const before = (await auditRowsFor("organization", id("B"))).length;
    const same = await setDays(actors.platformAdmin)({ organizationId: id("B"), reportDueBusinessDays: "7" });
    expect(same).toMatchObject({ ok: true, data: { changed: false } });
    expect(await auditRowsFor("organization", id("B"))).toHaveLength(before);
  });

  it.each(["0", "61", "-3", "2.5", "ten", "", " "])("refuses %j with a field error", async (value) => {
    const before = await getReportDueBusinessDays(getDb(), id("A"));
    const result = await setDays(actors.platformAdmin)({
      organizationId: id("A"),
      reportDueBusinessDays: value,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { reportDueBusinessDays: ["Enter a whole number of business days from 1 to 60"] },
    });
    expect(await getReportDueBusinessDays(getDb(), id("A"))).toBe(before);
  });

  it("takes the bounds themselves", async () => {
    for (const days of ["1", "60"]) {
      const result = await setDays(actors.platformAdmin)({
        organizationId: id("B"),
        reportDueBusinessDays: days,
      });
      expect(result).toMatchObject({ ok: true, data: { reportDueBusinessDays: Number(days) } });
    }
  });

  it.each<ActorKey>(["ownerA", "adminA", "memberA1", "specialistS1", "outsider"])(
    "answers %s 'not found', before reading the input",
    async (key) => {
      const before = await getReportDueBusinessDays(getDb(), id("A"));
      const result = await withUncheckedInput(setDays(actors[key]))({
        organizationId: id("A"),
        reportDueBusinessDays: "not even a number",
      });
      expect(result).toMatchObject({ ok: false, code: "not_found" });
      expect(await getReportDueBusinessDays(getDb(), id("A"))).toBe(before);
    },
  );

  it("refuses an admin impersonating someone", async () => {
    const impersonating = { ...actors.platformAdmin, impersonatorId: id("platformAdmin") };
    const result = await setDays(impersonating)({ organizationId: id("A"), reportDueBusinessDays: "9" });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
  });

  it("answers an unknown organization 'not found'", async () => {
    const result = await setDays(actors.platformAdmin)({
      organizationId: id("nowhere"),
      reportDueBusinessDays: "9",
    });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await settingsRow(id("nowhere"))).toBeUndefined();
  });
});
