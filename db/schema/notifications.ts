/**
 * Notifications (lib/notifications): the events that cause them, the in-app list, each user's
 * e-mail choices, and the further recipients a booking (or its organization, by default) names.
 * The e-mails themselves are rows of `outbox_emails` (operations.ts).
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import type { EmailKind, NotificationEventFacts, NotificationEventKind } from "@/lib/notifications/kinds";
import { organizations, users } from "./auth";
import { bookings } from "./bookings";
import { createdAtColumn, idColumn, userRef } from "./columns";

/** One row per real change; written in the change's own transaction, fanned out by a job. */
export const notificationEvents = pgTable(
  "notification_events",
  {
    id: idColumn(),
    kind: varchar("kind", { length: 50 }).$type<NotificationEventKind>().notNull(),
    bookingId: varchar("booking_id", { length: 255 }).references(() => bookings.id, { onDelete: "cascade" }),
    /** Who made the change (the impersonated user when an admin acted for someone); null for Acuity. */
    actorUserId: userRef("actor_user_id").references(() => users.id),
    facts: jsonb("facts").$type<NotificationEventFacts>().notNull().default({}),
    createdAt: createdAtColumn().notNull(),
    /**
     * The event row is its own queue entry (a transactional outbox): the change's transaction
     * writes this one row, and the fan-out loop (lib/notifications/fan-out-loop.ts) takes pending
     * ones with SKIP LOCKED. Set once its readers and e-mails are written.
     */
    fannedOutAt: timestamp("fanned_out_at", { withTimezone: true }),
    fanOutAttempts: integer("fan_out_attempts").notNull().default(0),
    /** When a pending event may be taken: now at first, later after a failed attempt (backoff). */
    nextFanOutAt: timestamp("next_fan_out_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("idx_notification_events_booking").on(t.bookingId, t.createdAt),
    index("idx_notification_events_pending")
      .on(t.nextFanOutAt)
      .where(sql`${t.fannedOutAt} IS NULL`),
  ],
);

/** The in-app list: one row per reader of an event. Listed through the booking policy, never alone. */
export const notifications = pgTable(
  "notifications",
  {
    id: idColumn(),
    eventId: varchar("event_id", { length: 255 })
      .notNull()
      .references(() => notificationEvents.id, { onDelete: "cascade" }),
    userId: userRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Copied from the event so the list can be scoped by the booking in one join. */
    bookingId: varchar("booking_id", { length: 255 }).references(() => bookings.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 50 }).$type<NotificationEventKind>().notNull(),
    createdAt: createdAtColumn().notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("uq_notifications_event_user").on(t.eventId, t.userId),
    index("idx_notifications_user_created").on(t.userId, t.createdAt.desc()),
    index("idx_notifications_user_unread")
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`),
  ],
);

/** Only choices that differ from the default (every e-mail on) are stored. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: userRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 50 }).$type<EmailKind>().notNull(),
    emailEnabled: boolean("email_enabled").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Per user: the IANA zone e-mails show times in (besides the specialist's). Null: not told yet. */
export const userSettings = pgTable("user_settings", {
  userId: userRef("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  timeZone: varchar("time_zone", { length: 64 }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Further recipients of a booking's notifications (a solicitor, a claims officer). */
export const bookingContacts = pgTable(
  "booking_contacts",
  {
    id: idColumn(),
    bookingId: varchar("booking_id", { length: 255 })
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    email: varchar("email", { length: 255 }).notNull(),
    name: varchar("name", { length: 255 }),
    addedById: userRef("added_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAtColumn().notNull(),
  },
  (t) => [uniqueIndex("uq_booking_contacts_email").on(t.bookingId, sql`lower(${t.email})`)],
);

/** An organization's default recipients, copied onto each new booking of it. */
export const organizationContacts = pgTable(
  "organization_contacts",
  {
    id: idColumn(),
    organizationId: varchar("organization_id", { length: 255 })
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: varchar("email", { length: 255 }).notNull(),
    name: varchar("name", { length: 255 }),
    addedById: userRef("added_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAtColumn().notNull(),
  },
  (t) => [uniqueIndex("uq_organization_contacts_email").on(t.organizationId, sql`lower(${t.email})`)],
);
