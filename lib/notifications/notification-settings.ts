/**
 * A user's notification settings: e-mail on/off per kind and the zone e-mails write times in.
 * The preferences page reads them with loadNotificationSettings and saves them through
 * saveNotificationSettingsDefinition (defineAction). Only choices that differ from the default
 * (every e-mail on) are stored: switching a kind back on deletes its row.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { notificationPreferences, userSettings } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { isValidTimeZone } from "@/lib/time/zoned";
import { preferenceKindsFor, switchableKindsFor } from "./email-kinds-for";
import { EMAIL_KIND_NAMES, EMAIL_KINDS, type EmailKind } from "./kinds";
import { loadEmailPreferences, wantsEmail } from "./preferences";

export interface EmailKindSetting {
  kind: EmailKind;
  label: string;
  alwaysSent: boolean;
  emailEnabled: boolean;
}

export interface NotificationSettings {
  kinds: EmailKindSetting[];
  /** The stored IANA zone, or null when the user has not chosen one. */
  timeZone: string | null;
}

export async function loadTimeZoneSetting(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ timeZone: userSettings.timeZone })
    .from(userSettings)
    .where(eq(userSettings.userId, userId));
  return row?.timeZone ?? null;
}

export async function loadNotificationSettings(db: DbOrTx, actor: Actor): Promise<NotificationSettings> {
  const switchedOff = (await loadEmailPreferences(db, [actor.userId])).get(actor.userId);
  return {
    kinds: preferenceKindsFor(actor).map((kind) => ({
      kind,
      label: EMAIL_KINDS[kind].label,
      alwaysSent: EMAIL_KINDS[kind].alwaysSent,
      emailEnabled: wantsEmail(switchedOff, kind),
    })),
    timeZone: await loadTimeZoneSetting(db, actor.userId),
  };
}

/** The canonical IANA name ("america/new_york" → "America/New_York"), or null when it is none. */
export function canonicalTimeZone(zone: string): string | null {
  if (!isValidTimeZone(zone)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

export const saveNotificationSettingsSchema = z.object({
  /** Kinds whose e-mail the user wants; a listed, switchable kind missing here is switched off. */
  emailOn: z.array(z.enum(EMAIL_KIND_NAMES as [EmailKind, ...EmailKind[]])).max(EMAIL_KIND_NAMES.length),
  /** An IANA zone, or "" for none chosen. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((zone) => zone === "" || isValidTimeZone(zone), "Choose a time zone from the list"),
});

export interface SavedNotificationSettings {
  switchedOff: EmailKind[];
  switchedOn: EmailKind[];
  timeZone: string | null;
}

/** Any signed-in user manages their own settings; run() touches only the actor's rows. */
export const saveNotificationSettingsDefinition: ActionDefinition<
  typeof saveNotificationSettingsSchema,
  SavedNotificationSettings
> = {
  input: saveNotificationSettingsSchema,
  authorize: () => true,
  run: async ({ tx, actor, audit }, input) => {
    const switchable = switchableKindsFor(actor);
    const wanted = new Set(input.emailOn);
    const before = (await loadEmailPreferences(tx, [actor.userId])).get(actor.userId) ?? new Set<EmailKind>();
    const nowOff = switchable.filter((kind) => !wanted.has(kind));
    const nowOn = switchable.filter((kind) => wanted.has(kind));
    const switchedOff = nowOff.filter((kind) => !before.has(kind));
    const switchedOn = nowOn.filter((kind) => before.has(kind));

    if (switchedOn.length > 0)
      await tx
        .delete(notificationPreferences)
        .where(
          and(
            eq(notificationPreferences.userId, actor.userId),
            inArray(notificationPreferences.kind, switchedOn),
          ),
        );
    if (switchedOff.length > 0)
      await tx
        .insert(notificationPreferences)
        .values(switchedOff.map((kind) => ({ userId: actor.userId, kind, emailEnabled: false })))
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { emailEnabled: false, updatedAt: new Date() },
        });

    const previousZone = await loadTimeZoneSetting(tx, actor.userId);
    const timeZone = input.timeZone === "" ? null : canonicalTimeZone(input.timeZone);
    const zoneChanged = timeZone !== previousZone;
    if (zoneChanged)
      await tx
        .insert(userSettings)
        .values({ userId: actor.userId, timeZone })
        .onConflictDoUpdate({ target: userSettings.userId, set: { timeZone, updatedAt: new Date() } });

    if (switchedOff.length > 0 || switchedOn.length > 0 || zoneChanged)
      await audit({
        action: "notification_preferences.updated",
        resourceType: "user",
        resourceId: actor.userId,
        metadata: {
          ...(switchedOff.length > 0 && { emailSwitchedOff: switchedOff }),
          ...(switchedOn.length > 0 && { emailSwitchedOn: switchedOn }),
          ...(zoneChanged && { timeZone: { from: previousZone, to: timeZone } }),
        },
      });
    return { switchedOff, switchedOn, timeZone };
  },
};
