"use server";
import { after } from "next/server";
import { getAcuityClient } from "@/lib/acuity";
import { reconcileWindow } from "@/lib/acuity-sync/reconcile";
import { replayWebhookEvents } from "@/lib/acuity-sync/replay-events";
import { reconcileWindowSchema, replayAllFailedSchema, replayEventSchema } from "@/lib/acuity-sync/schemas";
import { kickWebhookWorker } from "@/lib/acuity-sync/worker";
import { defineAction } from "@/lib/actions/define-action";
import { NotFoundError } from "@/lib/actions/errors";
import { canUseAdminConsole } from "@/lib/authz/policy";

export const replayWebhookEventAction = defineAction({
  input: replayEventSchema,
  authorize: canUseAdminConsole,
  run: async ({ tx, audit }, { eventId }) => {
    const replayed = await replayWebhookEvents(tx, { eventIds: [eventId] });
    if (replayed.length === 0) throw new NotFoundError("That webhook event");
    await audit({ action: "webhook.replayed", resourceType: "webhook_event", resourceId: eventId });
    after(kickWebhookWorker); // once committed, not before
    return { replayed: replayed.length };
  },
});

export const replayAllFailedWebhooksAction = defineAction({
  input: replayAllFailedSchema,
  authorize: canUseAdminConsole,
  run: async ({ tx, audit }) => {
    const replayed = await replayWebhookEvents(tx, { allFailed: true });
    await audit(replayed.map((id) => ({ action: "webhook.replayed" as const, resourceType: "webhook_event" as const, resourceId: id })));
    after(kickWebhookWorker); // once committed, not before
    return { replayed: replayed.length };
  },
});

/**
 * Reads Acuity outside any transaction ("manual"): a year's window is many rate-limited reads,
 * and no pooled connection should sit idle in a transaction meanwhile. Each appointment is
 * synced in its own short transaction (audited there by the system user); the admin's audit
 * row is written in one of its own at the end.
 */
export const reconcileAcuityAction = defineAction({
  input: reconcileWindowSchema,
  authorize: canUseAdminConsole,
  transaction: "manual",
  run: async ({ db, transaction }, { from, to }) => {
    const report = await reconcileWindow(db, getAcuityClient(), { from: new Date(from), to: new Date(to) });
    await transaction(({ audit }) =>
      audit({ action: "acuity.reconciled", resourceType: "acuity", resourceId: `${from}..${to}`, metadata: { ...report } }),
    );
    return report;
  },
});
