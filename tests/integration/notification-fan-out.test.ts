/**
 * The fan-out job against real Postgres: for one recorded event, exactly which users get an
 * in-app notification and which addresses get an e-mail — booker, report recipients with and
 * without accounts, the specialist —, preferences, banned users, impersonated bookers, admins for
 * "needs attention", and a retried job that duplicates nothing.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingContacts, notificationPreferences, teamMembers, users } from "@/db/schema";
import type { EmailKind, NotificationEventKind } from "@/lib/notifications/kinds";
import { loadActor } from "@/lib/authz/load-actor";
import { fanOutNotificationEvent } from "@/lib/notifications/fan-out";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { recordNotificationEvent } from "@/lib/notifications/record-event";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { inAppOf, outboxOf, outboxRowsOf } from "../support/notification-rows";

type World = Awaited<ReturnType<typeof insertAuthzWorld>>;
/** The fixture user's address as stored (insertAuthzWorld tags them; camel case kept). */
const mail = (world: World, key: string) => `${world.id(key)}@fixture.test`;
/** The same address as a recipient form stores it (lower-cased). */
const typed = (world: World, key: string) => mail(world, key).toLowerCase();

async function event(
  kind: NotificationEventKind,
  bookingId: string | null,
  actorUserId: string | null,
): Promise<string> {
  const eventId = await recordNotificationEvent(getDb(), { kind, bookingId, actorUserId, facts: {} });
  await fanOutNotificationEvent(eventId);
  return eventId;
}

async function addContacts(bookingId: string, addedById: string, emails: string[]) {
  await getDb()
    .insert(bookingContacts)
    .values(
      emails.map((email, i) => ({ bookingId, email, name: i === 0 ? "Sam Solicitor" : null, addedById })),
    );
}

const switchOff = (userId: string, kinds: EmailKind[]) =>
  getDb()
    .insert(notificationPreferences)
    .values(kinds.map((kind) => ({ userId, kind, emailEnabled: false })));

describe("a booking event", () => {
  it("reaches the booker, the specialist and every report recipient — once each, whatever the retries", async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    const bookingId = world.bookingIds.aTeam1; // team A1, specialist S2, booked by adminA
    await addContacts(bookingId, world.id("adminA"), [
      "sam.solicitor@law.test", // no account
      typed(world, "memberA1"), // an account that sees the booking (team A1)
      typed(world, "memberB1"), // an account of another organization
      mail(world, "adminA").toUpperCase(), // the booker again
    ]);

    const eventId = await event("booking.booked", bookingId, world.id("adminA"));
    const expectedInApp = [
      `booking.booked → ${mail(world, "adminA")}`,
      `booking.booked → ${mail(world, "memberA1")}`,
      `booking.booked → ${mail(world, "specialistS2")}`,
    ].sort();
    const expectedOutbox = [
      `booking_booked → ${mail(world, "adminA")}`,
      `booking_booked → ${typed(world, "memberA1")}`,
      `booking_booked → ${typed(world, "memberB1")}`,
      `booking_booked → sam.solicitor@law.test`,
      `examination_booked → ${mail(world, "specialistS2")}`,
    ].sort();
    expect(await inAppOf([eventId])).toEqual(expectedInApp);
    expect(await outboxOf([eventId])).toEqual(expectedOutbox);

    const rows = await outboxRowsOf(eventId);
    expect(rows.find((r) => r.toAddress === "sam.solicitor@law.test")).toMatchObject({
      recipientUserId: null,
      bookingId,
      status: "queued",
      payload: { role: "contact", name: "Sam Solicitor", canSignIn: false },
    });
    expect(rows.find((r) => r.toAddress === typed(world, "memberB1"))?.payload).toMatchObject({
      canSignIn: false,
    });
    expect(rows.find((r) => r.toAddress === typed(world, "memberA1"))).toMatchObject({
      recipientUserId: world.id("memberA1"),
      payload: { role: "contact", canSignIn: true },
    });

    // The job runs again (a retry after a lost acknowledgement, a second worker): nothing new.
    await fanOutNotificationEvent(eventId);
    await Promise.all([fanOutNotificationEvent(eventId), fanOutNotificationEvent(eventId)]);
    expect(await inAppOf([eventId])).toEqual(expectedInApp);
    expect(await outboxOf([eventId])).toEqual(expectedOutbox);
  });

  it("tells the person an admin booked for, not the admin", async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    // Booked by platformAdmin impersonating memberNoTeamA.
    const eventId = await event(
      "booking.booked",
      world.bookingIds.aTeam2ForMember,
      world.id("memberNoTeamA"),
    );
    expect(await inAppOf([eventId])).toEqual(
      [
        `booking.booked → ${mail(world, "memberNoTeamA")}`,
        `booking.booked → ${mail(world, "specialistS2")}`,
      ].sort(),
    );
    expect(await outboxOf([eventId])).toEqual(
      [
        `booking_booked → ${mail(world, "memberNoTeamA")}`,
        `examination_booked → ${mail(world, "specialistS2")}`,
      ].sort(),
    );
  });

  it("keeps the in-app notification but sends no e-mail of a kind switched off — except report-ready", async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    const bookingId = world.bookingIds.aTeam1;
    await switchOff(world.id("adminA"), ["booking_cancelled", "report_ready"]);
    await switchOff(world.id("specialistS2"), ["examination_cancelled"]);

    const cancelled = await event("booking.cancelled", bookingId, world.id("adminA"));
    expect(await inAppOf([cancelled])).toEqual(
      [
        `booking.cancelled → ${mail(world, "adminA")}`,
        `booking.cancelled → ${mail(world, "specialistS2")}`,
      ].sort(),
    );
    expect(await outboxOf([cancelled])).toEqual([]);

    // Report ready goes to the referrer side only, and cannot be switched off.
    const ready = await event("booking.report_ready", bookingId, world.id("specialistS2"));
    expect(await inAppOf([ready])).toEqual([`booking.report_ready → ${mail(world, "adminA")}`]);
    expect(await outboxOf([ready])).toEqual([`report_ready → ${mail(world, "adminA")}`]);
  });

  it("leaves out the specialist who made the change, and tells a no-show to the referrer side only", async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    const bookingId = world.bookingIds.aTeam2; // specialist S1, booked by ownerA
    const cancelled = await event("booking.cancelled", bookingId, world.id("specialistS1"));
    expect(await inAppOf([cancelled])).toEqual([`booking.cancelled → ${mail(world, "ownerA")}`]);
    const noShow = await event("booking.no_show", bookingId, null);
    expect(await outboxOf([noShow])).toEqual([`booking_no_show → ${mail(world, "ownerA")}`]);
  });

  it("tells no banned user anything", async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    await getDb()
      .update(users)
      .set({ banned: true })
      .where(eq(users.id, world.id("memberB1")));
    const eventId = await event("booking.booked", world.bookingIds.bTeam1, world.id("memberB1"));
    expect(await inAppOf([eventId])).toEqual([`booking.booked → ${mail(world, "specialistS1")}`]);
    expect(await outboxOf([eventId])).toEqual([`examination_booked → ${mail(world, "specialistS1")}`]);
  });

  it("gives a referrer taken off the booking's team no in-app notification of it any more", async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    const bookingId = world.bookingIds.aTeam1;
    await addContacts(bookingId, world.id("adminA"), [typed(world, "memberA1")]);
    const before = await event("booking.rescheduled", bookingId, world.id("adminA"));
    expect(await inAppOf([before])).toContain(`booking.rescheduled → ${mail(world, "memberA1")}`);
    const inTheirList = async () => {
      const reader = (await loadActor(getDb(), world.id("memberA1"), null))!;
      return (await listNotifications(getDb(), reader, { limit: 50 })).items.map((n) => n.bookingId);
    };
    expect(await inTheirList()).toEqual([bookingId]);

    await getDb()
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, world.id("A1")), eq(teamMembers.userId, world.id("memberA1"))));
    const after = await event("booking.cancelled", bookingId, world.id("adminA"));
    expect(await inAppOf([after])).not.toContain(`booking.cancelled → ${mail(world, "memberA1")}`);
    // The list (builder "inapp"'s query) no longer shows the earlier one either.
    expect(await inTheirList()).toEqual([]);
    // Still named on the booking, the address gets the notice — told that signing in won't show it.
    const [row] = (await outboxRowsOf(after)).filter((r) => r.toAddress === typed(world, "memberA1"));
    expect(row?.payload).toMatchObject({ role: "contact", canSignIn: false });
  });
});

describe("something that needs a person", () => {
  it("reaches every platform admin in the app — not banned ones, not referrers — and sends no e-mail", async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    const bannedAdmin = world.id("bannedAdmin");
    await getDb()
      .insert(users)
      .values({
        id: bannedAdmin,
        name: "Banned admin",
        email: mail(world, "bannedAdmin"),
        role: "user,admin",
        banned: true,
      });
    const eventId = await recordNotificationEvent(getDb(), {
      kind: "attention.needed",
      bookingId: null,
      actorUserId: null,
      facts: { summary: "A webhook event gave up", reason: "webhook.event_gave_up" },
    });
    await fanOutNotificationEvent(eventId);
    await fanOutNotificationEvent(eventId);

    const readers = await inAppOf([eventId]);
    const mine = readers.filter((r) => r.includes(world.id("")));
    expect(mine).toEqual([`attention.needed → ${mail(world, "platformAdmin")}`]);
    // Every reader is an admin (other files' admins and the demo admin included).
    const admins = await getDb().select({ email: users.email, role: users.role }).from(users);
    const adminEmails = new Set(
      admins.filter((u) => u.role?.split(",").includes("admin")).map((u) => u.email),
    );
    for (const reader of readers) expect(adminEmails.has(reader.split(" → ")[1]!)).toBe(true);
    expect(readers).toHaveLength(new Set(readers).size);
    expect(await outboxOf([eventId])).toEqual([]);
  });
});
