/**
 * Report recipients through their real action definitions: who may name or remove one on a
 * booking and on an organization's defaults, the field error for an address already listed (any
 * case), validation, archived bookings, and the audit row each change leaves.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import {
  addBookingContactDefinition,
  addOrganizationContactDefinition,
  removeBookingContactDefinition,
  removeOrganizationContactDefinition,
} from "@/lib/notifications/contact-definitions";
import { listBookingContacts, listOrganizationContacts } from "@/lib/notifications/list-contacts";
import { ACTOR_KEYS, type ActorKey } from "../support/authz-fixture";
import { auditRowsFor } from "../support/audit-rows";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { withUncheckedInput } from "../support/unchecked-action";

type World = Awaited<ReturnType<typeof insertAuthzWorld>>;
let world: World;
const actors = {} as Record<ActorKey, Actor>;
const as = (actor: Actor) => async (): Promise<RequestActor> => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: "203.0.113.8", userAgent: "vitest" }),
});

beforeAll(async () => {
  world = await insertAuthzWorld({ withMemberships: true });
  for (const key of ACTOR_KEYS) actors[key] = (await loadActor(getDb(), world.id(key), null))!;
});

const addToBooking = (who: ActorKey, bookingId: string, email: string, name?: string) =>
  defineAction(addBookingContactDefinition, as(actors[who]))({ bookingId, email, name });

describe("a booking's report recipients", () => {
  it("are named and removed by a referrer who sees the booking, each change audited", async () => {
    const bookingId = world.bookingIds.aTeam1;
    const added = await addToBooking("memberA1", bookingId, "  Sam.Solicitor@Law.test ", " Sam Solicitor ");
    expect(added).toMatchObject({ ok: true });
    expect(await listBookingContacts(getDb(), bookingId)).toMatchObject([
      { email: "sam.solicitor@law.test", name: "Sam Solicitor" },
    ]);
    const contactId = added.ok ? added.data.contactId : "";

    const removed = await defineAction(
      removeBookingContactDefinition,
      as(actors.memberA1),
    )({
      bookingId,
      contactId,
    });
    expect(removed).toMatchObject({ ok: true });
    expect(await listBookingContacts(getDb(), bookingId)).toEqual([]);

    const audits = (await auditRowsFor("booking", bookingId)).filter((r) =>
      r.action.startsWith("booking.contact_"),
    );
    expect(audits.map((r) => [r.action, r.userId, r.metadata])).toEqual([
      [
        "booking.contact_added",
        world.id("memberA1"),
        { contactId, email: "sam.solicitor@law.test", name: "Sam Solicitor" },
      ],
      ["booking.contact_removed", world.id("memberA1"), { contactId, email: "sam.solicitor@law.test" }],
    ]);
  });

  it("refuse an address already listed, in any case, with an error on the e-mail field", async () => {
    const bookingId = world.bookingIds.aNoTeam;
    expect(await addToBooking("ownerA", bookingId, "claims@insurer.test")).toMatchObject({ ok: true });
    const again = await addToBooking("adminA", bookingId, "CLAIMS@insurer.test");
    expect(again).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { email: ["claims@insurer.test already receives this booking's notifications."] },
    });
    expect(await listBookingContacts(getDb(), bookingId)).toHaveLength(1);
  });

  it("check the address and bound the name", async () => {
    const bookingId = world.bookingIds.aTeam1;
    const bad = await addToBooking("adminA", bookingId, "not-an-address", "x".repeat(256));
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { email: ["Enter a valid e-mail address"], name: ["Use at most 255 characters"] },
    });
    const missing = await withUncheckedInput(defineAction(addBookingContactDefinition, as(actors.adminA)))({
      bookingId,
    });
    expect(missing).toMatchObject({ ok: false, code: "invalid_input" });
  });

  it("are not someone else's to change: outsiders, other organizations and the specialist get not found", async () => {
    const bookingId = world.bookingIds.aTeam1;
    for (const who of ["outsider", "memberB1", "memberNoTeamA"] as const)
      expect(await addToBooking(who, bookingId, `${who}@example.test`), who).toMatchObject({
        ok: false,
        code: "not_found",
      });
    // The booking's own specialist sees it (aTeam2 is S1's) but does not name its recipients.
    expect(await addToBooking("specialistS1", world.bookingIds.aTeam2, "s1@example.test")).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await addToBooking("platformAdmin", bookingId, "ops@example.test")).toMatchObject({ ok: true });
  });

  it("cannot change once the booking is archived", async () => {
    const bookingId = world.bookingIds.aTeam2ByMember1;
    await getDb().update(bookings).set({ status: "archived" }).where(eq(bookings.id, bookingId));
    expect(await addToBooking("memberA1", bookingId, "late@example.test")).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });
});

describe("an organization's default recipients", () => {
  const addToOrganization = (who: ActorKey, organizationId: string, email: string) =>
    defineAction(addOrganizationContactDefinition, as(actors[who]))({ organizationId, email });

  it("are managed by its owners and admins and by platform admins, audited on the organization", async () => {
    const organizationId = world.id("A");
    const byOwner = await addToOrganization("ownerA", organizationId, "claims@insurer.test");
    expect(byOwner).toMatchObject({ ok: true });
    expect(await addToOrganization("platformAdmin", organizationId, "audit@insurer.test")).toMatchObject({
      ok: true,
    });
    expect(await addToOrganization("adminA", organizationId, "Claims@Insurer.test")).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: {
        email: [
          "claims@insurer.test already receives the notifications of this organization's new bookings.",
        ],
      },
    });
    expect((await listOrganizationContacts(getDb(), organizationId)).map((c) => c.email)).toEqual([
      "claims@insurer.test",
      "audit@insurer.test",
    ]);

    const contactId = byOwner.ok ? byOwner.data.contactId : "";
    expect(
      await defineAction(
        removeOrganizationContactDefinition,
        as(actors.adminA),
      )({ organizationId, contactId }),
    ).toMatchObject({ ok: true });
    const audits = (await auditRowsFor("organization", organizationId)).filter((r) =>
      r.action.startsWith("organization.contact_"),
    );
    expect(audits.map((r) => [r.action, r.userId])).toEqual([
      ["organization.contact_added", world.id("ownerA")],
      ["organization.contact_added", world.id("platformAdmin")],
      ["organization.contact_removed", world.id("adminA")],
    ]);
  });

  it("are not a member's, nor another organization's owner's, to change", async () => {
    expect(await addToOrganization("memberA1", world.id("A"), "x@example.test")).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await addToOrganization("ownerA", world.id("B"), "x@example.test")).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});
