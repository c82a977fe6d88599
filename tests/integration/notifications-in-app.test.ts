/**
 * The in-app list: each reader sees their own notifications, and of those only the ones whose
 * booking the policy lets them see *now* (the access matrix of tests/support/authz-fixture.ts),
 * "needs attention" only as a platform admin. Marking read touches only what the list shows.
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import type { NotificationEventKind } from "@/lib/notifications/kinds";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/list-notifications";
import {
  markAllNotificationsReadDefinition,
  markNotificationReadDefinition,
} from "@/lib/notifications/notification-read-definitions";
import { notificationView } from "@/lib/notifications/notification-view";
import { as } from "../support/admin-session";
import { auditRowsFor } from "../support/audit-rows";
import {
  ACTOR_KEYS,
  BOOKING_KEYS,
  VISIBLE,
  type ActorKey,
  type BookingKey,
  type IdOf,
} from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

let id: IdOf;
let bookingIds: Record<BookingKey, string>;
/** notificationIds[actor][booking key | "attention"] */
const notificationIds = {} as Record<ActorKey, Record<BookingKey | "attention", string>>;

async function insertEvent(kind: NotificationEventKind, bookingId: string | null, facts = {}) {
  const [event] = await getDb()
    .insert(t.notificationEvents)
    .values({ kind, bookingId, facts })
    .returning({ id: t.notificationEvents.id });
  return event!.id;
}

async function notify(
  userId: string,
  eventId: string,
  kind: NotificationEventKind,
  bookingId: string | null,
  createdAt?: Date,
) {
  const [row] = await getDb()
    .insert(t.notifications)
    .values({ eventId, userId, kind, bookingId, ...(createdAt && { createdAt }) })
    .returning({ id: t.notifications.id });
  return row!.id;
}

const actorOf = async (key: ActorKey): Promise<Actor> => (await loadActor(getDb(), id(key), null))!;

beforeAll(async () => {
  ({ id, bookingIds } = await insertAuthzWorld({ withMemberships: true }));
  // One event per booking (report ready), one attention; every fixture user is told of all of them.
  const bookingEvents = Object.fromEntries(
    await Promise.all(
      BOOKING_KEYS.map(
        async (key) => [key, await insertEvent("booking.report_ready", bookingIds[key])] as const,
      ),
    ),
  ) as Record<BookingKey, string>;
  const attention = await insertEvent("attention.needed", null, {
    summary: "A webhook event gave up.",
    reason: "webhook.event_gave_up",
  });
  for (const actor of ACTOR_KEYS) {
    const ids = {} as Record<BookingKey | "attention", string>;
    for (const key of BOOKING_KEYS)
      ids[key] = await notify(id(actor), bookingEvents[key], "booking.report_ready", bookingIds[key]);
    ids.attention = await notify(id(actor), attention, "attention.needed", null);
    notificationIds[actor] = ids;
  }
});

describe.each(ACTOR_KEYS)("the notifications of %s", (actorKey) => {
  it("hold exactly the bookings the access matrix lets them see, and attention only for a platform admin", async () => {
    const actor = await actorOf(actorKey);
    const page = await listNotifications(getDb(), actor, { limit: 100 });
    const expected = [
      ...BOOKING_KEYS.filter((key) => VISIBLE[actorKey][key]).map((key) => notificationIds[actorKey][key]),
      ...(actorKey === "platformAdmin" ? [notificationIds[actorKey].attention] : []),
    ].sort();
    // Other files' "needs attention" events reach every platform admin in the shared database:
    // a platform admin's list is held to this file's notifications; everyone else's is all theirs.
    const ours = new Set(Object.values(notificationIds[actorKey]));
    const shown = page.items.map((item) => item.id).filter((itemId) => ours.has(itemId));
    expect(shown.sort()).toEqual(expected);
    expect(page.nextBefore).toBeNull();
    const unread = await countUnreadNotifications(getDb(), actor);
    if (actorKey === "platformAdmin") expect(unread).toBeGreaterThanOrEqual(expected.length);
    else {
      expect(page.items).toHaveLength(expected.length);
      expect(unread).toBe(expected.length);
    }
  });
});

it("names bookings by reference and specialist, never by the examinee", async () => {
  const admin = await actorOf("platformAdmin");
  // This file's notifications only: other files' attention events reach every platform admin.
  const ours = new Set(Object.values(notificationIds.platformAdmin));
  const views = (await listNotifications(getDb(), admin, { limit: 100 })).items
    .filter((row) => ours.has(row.id))
    .map((row) => notificationView(row, "America/New_York"));
  expect(views).toHaveLength(BOOKING_KEYS.length + 1);
  for (const view of views) expect(view.sentence).not.toMatch(/Examinee/);
  const aTeam1 = views.find((view) => view.id === notificationIds.platformAdmin.aTeam1)!;
  expect(aTeam1).toMatchObject({
    sentence: `Report ready — booking ${bookingIds.aTeam1} with S2`,
    href: `/bookings/${bookingIds.aTeam1}`,
    unread: true,
  });
  const attention = views.find((view) => view.id === notificationIds.platformAdmin.attention)!;
  expect(attention).toMatchObject({
    sentence: "Needs attention: A webhook event gave up.",
    href: "/admin/webhooks",
  });
});

describe("marking read", () => {
  it("marks the reader's own notification once, audited; someone else's is not found", async () => {
    const owner = await actorOf("ownerA");
    const markRead = defineAction(markNotificationReadDefinition, as(owner));
    const mine = notificationIds.ownerA.aNoTeam;

    const first = await markRead({ notificationId: mine });
    expect(first).toEqual({ ok: true, data: { notificationId: mine, changed: true } });
    const again = await markRead({ notificationId: mine });
    expect(again).toEqual({ ok: true, data: { notificationId: mine, changed: false } });
    const audits = await auditRowsFor("notification", mine);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "notification.read", userId: owner.userId });

    const someoneElses = notificationIds.adminA.aNoTeam;
    const refused = await markRead({ notificationId: someoneElses });
    expect(refused).toMatchObject({ ok: false, code: "not_found" });
    const [row] = await getDb().select().from(t.notifications).where(eq(t.notifications.id, someoneElses));
    expect(row!.readAt).toBeNull();
  });

  it("a notification of a booking the reader can no longer see is not found, and mark-all leaves it alone", async () => {
    // memberA1 leaves team A1: the team's booking (made by adminA) drops out of their sight.
    await getDb()
      .delete(t.teamMembers)
      .where(and(eq(t.teamMembers.userId, id("memberA1")), eq(t.teamMembers.teamId, id("A1"))));
    const member = await actorOf("memberA1");
    const gone = notificationIds.memberA1.aTeam1;
    const page = await listNotifications(getDb(), member, { limit: 100 });
    expect(page.items.map((item) => item.id)).not.toContain(gone);

    expect(
      await defineAction(markNotificationReadDefinition, as(member))({ notificationId: gone }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });

    const stillVisible = page.items.map((item) => item.id);
    expect(stillVisible.length).toBeGreaterThan(0);
    expect(await countUnreadNotifications(getDb(), member)).toBe(stillVisible.length);
    const result = await defineAction(markAllNotificationsReadDefinition, as(member))({});
    expect(result).toEqual({ ok: true, data: { marked: stillVisible.length } });
    expect(await countUnreadNotifications(getDb(), member)).toBe(0);

    const rows = await getDb()
      .select({ id: t.notifications.id, readAt: t.notifications.readAt })
      .from(t.notifications)
      .where(eq(t.notifications.userId, id("memberA1")));
    const read = rows.filter((row) => row.readAt !== null).map((row) => row.id);
    expect(read.sort()).toEqual([...stillVisible].sort());
    const [audit] = await auditRowsFor("user", id("memberA1"));
    expect(audit).toMatchObject({
      action: "notifications.read_all",
      metadata: { count: stillVisible.length },
    });

    // Nothing left: nothing changes, nothing is audited.
    expect(await defineAction(markAllNotificationsReadDefinition, as(member))({})).toEqual({
      ok: true,
      data: { marked: 0 },
    });
    expect(await auditRowsFor("user", id("memberA1"))).toHaveLength(1);
  });

  it("mark all read never touches another user's notifications", async () => {
    const specialist = await actorOf("specialistS1");
    await defineAction(markAllNotificationsReadDefinition, as(specialist))({});
    const others = await getDb()
      .select({ readAt: t.notifications.readAt })
      .from(t.notifications)
      .where(inArray(t.notifications.id, Object.values(notificationIds.memberB1)));
    expect(others.every((row) => row.readAt === null)).toBe(true);
  });
});

it("pages newest first through notifications created in the same instant, none skipped or repeated", async () => {
  // A platform admin of their own, whose list holds only these five attentions.
  const [user] = await getDb()
    .insert(t.users)
    .values({ id: id("pager"), name: "Pager", email: `${id("pager")}@fixture.test`, role: "admin" })
    .returning();
  const admin = (await loadActor(getDb(), user!.id, null))!;
  const at = new Date("2026-12-01T10:00:00.123Z");
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const event = await insertEvent("attention.needed", null, { summary: `Thing ${i}` });
    ids.push(await notify(admin.userId, event, "attention.needed", null, at));
  }
  const seen: string[] = [];
  let before: string | null = null;
  for (let pageNumber = 0; pageNumber < 5; pageNumber++) {
    const page = await listNotifications(getDb(), admin, { limit: 2, before });
    seen.push(...page.items.map((item) => item.id));
    before = page.nextBefore;
    if (!before) break;
  }
  expect(seen).toHaveLength(5);
  expect([...seen].sort()).toEqual([...ids].sort());
  // A cursor that is not one reads as the first page.
  expect((await listNotifications(getDb(), admin, { limit: 2, before: "not-a-cursor" })).items).toHaveLength(
    2,
  );
});
