/**
 * E-mail preferences: each user switches off only the kinds they can receive, always-sent kinds
 * stay on whatever is sent, only non-default rows are stored, the time zone is a real IANA zone,
 * and a save that changes something is audited. The sender reads the same rows
 * (loadEmailPreferences + wantsEmail).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import { preferenceKindsFor } from "@/lib/notifications/email-kinds-for";
import type { EmailKind } from "@/lib/notifications/kinds";
import {
  loadNotificationSettings,
  saveNotificationSettingsDefinition,
} from "@/lib/notifications/notification-settings";
import { loadEmailPreferences, wantsEmail } from "@/lib/notifications/preferences";
import { as } from "../support/admin-session";
import { auditRowsFor } from "../support/audit-rows";
import type { IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { withUncheckedInput } from "../support/unchecked-action";

let id: IdOf;
beforeAll(async () => ({ id } = await insertAuthzWorld({ withMemberships: true })));

const actorOf = async (key: string): Promise<Actor> => (await loadActor(getDb(), id(key), null))!;
const storedRows = (userId: string) =>
  getDb()
    .select({ kind: t.notificationPreferences.kind, emailEnabled: t.notificationPreferences.emailEnabled })
    .from(t.notificationPreferences)
    .where(eq(t.notificationPreferences.userId, userId));

describe("which kinds a user is offered", () => {
  it("gives referrers booking e-mails, specialists examination e-mails, admins everything, everyone account e-mails", async () => {
    expect(preferenceKindsFor(await actorOf("memberA1"))).toEqual([
      "booking_booked",
      "booking_rescheduled",
      "booking_cancelled",
      "booking_no_show",
      "report_ready",
      "password_reset",
    ]);
    expect(preferenceKindsFor(await actorOf("specialistS1"))).toEqual([
      "examination_booked",
      "examination_rescheduled",
      "examination_cancelled",
      "reports_owed_digest",
      "password_reset",
    ]);
    expect(preferenceKindsFor(await actorOf("platformAdmin"))).toContain("attention_digest");
    expect(preferenceKindsFor(await actorOf("outsider"))).toEqual(["password_reset"]);
  });
});

describe("saving", () => {
  it("stores only the kinds switched off, deletes a row switched back on, and keeps always-sent kinds on", async () => {
    const member = await actorOf("memberA1");
    const save = defineAction(saveNotificationSettingsDefinition, as(member));
    // Everything but booking_booked and booking_no_show on; report_ready left out (it cannot be switched off).
    const result = await save({
      emailOn: ["booking_rescheduled", "booking_cancelled"],
      timeZone: "america/new_york",
    });
    expect(result).toEqual({
      ok: true,
      data: {
        switchedOff: ["booking_booked", "booking_no_show"],
        switchedOn: [],
        timeZone: "America/New_York",
      },
    });
    expect((await storedRows(member.userId)).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "booking_booked", emailEnabled: false },
      { kind: "booking_no_show", emailEnabled: false },
    ]);

    const off = (await loadEmailPreferences(getDb(), [member.userId, id("ownerA")])).get(member.userId);
    expect(wantsEmail(off, "booking_booked")).toBe(false);
    expect(wantsEmail(off, "booking_cancelled")).toBe(true);
    expect(wantsEmail(off, "report_ready")).toBe(true);

    const settings = await loadNotificationSettings(getDb(), member);
    expect(settings.timeZone).toBe("America/New_York");
    expect(settings.kinds.find((k) => k.kind === "report_ready")).toMatchObject({
      alwaysSent: true,
      emailEnabled: true,
    });
    expect(settings.kinds.find((k) => k.kind === "booking_booked")?.emailEnabled).toBe(false);

    // Back to the default: the row goes, nothing else changes.
    const back = await save({
      emailOn: ["booking_booked", "booking_rescheduled", "booking_cancelled"],
      timeZone: "America/New_York",
    });
    expect(back).toMatchObject({ ok: true, data: { switchedOff: [], switchedOn: ["booking_booked"] } });
    expect(await storedRows(member.userId)).toEqual([{ kind: "booking_no_show", emailEnabled: false }]);

    const audits = (await auditRowsFor("user", member.userId)).filter(
      (row) => row.action === "notification_preferences.updated",
    );
    expect(audits.map((row) => row.metadata)).toEqual(
      expect.arrayContaining([
        {
          emailSwitchedOff: ["booking_booked", "booking_no_show"],
          timeZone: { from: null, to: "America/New_York" },
        },
        { emailSwitchedOn: ["booking_booked"] },
      ]),
    );
    expect(audits).toHaveLength(2);

    // Saving the same again changes nothing and writes no audit row.
    await save({
      emailOn: ["booking_booked", "booking_rescheduled", "booking_cancelled"],
      timeZone: "America/New_York",
    });
    expect(
      (await auditRowsFor("user", member.userId)).filter(
        (row) => row.action === "notification_preferences.updated",
      ),
    ).toHaveLength(2);
  });

  it("never stores an always-sent kind as off, nor a kind the user cannot receive", async () => {
    const specialist = await actorOf("specialistS1");
    const save = defineAction(saveNotificationSettingsDefinition, as(specialist));
    // Nothing listed as on: every switchable specialist kind goes off; password_reset stays on,
    // and the referrer kinds (not theirs) are not touched.
    expect(await save({ emailOn: [], timeZone: "" })).toMatchObject({ ok: true });
    const kinds = (await storedRows(specialist.userId)).map((row) => row.kind as EmailKind).sort();
    expect(kinds).toEqual(
      [
        "examination_booked",
        "examination_cancelled",
        "examination_rescheduled",
        "reports_owed_digest",
      ].sort(),
    );
    const off = (await loadEmailPreferences(getDb(), [specialist.userId])).get(specialist.userId);
    expect(wantsEmail(off, "password_reset")).toBe(true);
  });

  it("refuses a time zone that is none, and kinds that do not exist", async () => {
    const owner = await actorOf("ownerA");
    const save = defineAction(saveNotificationSettingsDefinition, as(owner));
    const bad = await save({ emailOn: [], timeZone: "Mars/Olympus_Mons" });
    expect(bad).toMatchObject({ ok: false, code: "invalid_input" });
    if (!bad.ok) expect(bad.fieldErrors.timeZone).toEqual(["Choose a time zone from the list"]);
    const unknownKind = await withUncheckedInput(save)({ emailOn: ["carrier_pigeon"], timeZone: "" });
    expect(unknownKind).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await storedRows(owner.userId)).toEqual([]);
  });
});
