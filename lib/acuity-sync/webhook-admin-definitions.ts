import type { ManualActionDefinition } from "@/lib/actions/define-action";
import { NotFoundError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import type { AcuityClient } from "@/lib/acuity";
import { canUseAdminConsole } from "@/lib/authz/policy";
import { reconcileWindow, type ReconcileReport } from "./reconcile";
import { replayWebhookEvents } from "./replay-events";
import { reconcileWindowSchema, replayAllFailedSchema, replayEventSchema } from "./schemas";
import { kickWebhookWorker } from "./worker";

/** Runs a task once the action's transaction has committed (the page passes Next's `after`). */
type AfterCommit = (task: () => void) => void;

/** Admin → Webhooks, "Replay": the event is due again; the worker is woken after the commit. */
export const replayWebhookEventDefinition = (afterCommit: AfterCommit) =>
  adminAction({
    input: replayEventSchema,
    run: async ({ tx, audit }, { eventId }) => {
      const replayed = await replayWebhookEvents(tx, { eventIds: [eventId] });
      if (replayed.length === 0) throw new NotFoundError("That webhook event");
      await audit({ action: "webhook.replayed", resourceType: "webhook_event", resourceId: eventId });
      afterCommit(kickWebhookWorker);
      return { replayed: replayed.length };
    },
  });

/** "Replay all failed": every event that gave up, each audited. */
export const replayAllFailedWebhooksDefinition = (afterCommit: AfterCommit) =>
  adminAction({
    input: replayAllFailedSchema,
    run: async ({ tx, audit }) => {
      const replayed = await replayWebhookEvents(tx, { allFailed: true });
      await audit(
        replayed.map((id) => ({
          action: "webhook.replayed" as const,
          resourceType: "webhook_event" as const,
          resourceId: id,
        })),
      );
      afterCommit(kickWebhookWorker);
      return { replayed: replayed.length };
    },
  });

/**
 * "Reconcile": reads Acuity outside any transaction ("manual"): a year's window is many
 * rate-limited reads, and no pooled connection should sit idle in a transaction meanwhile.
 * Each appointment is synced in its own short transaction (audited there by the system user);
 * the admin's audit row is written in one of its own at the end.
 */
export const reconcileAcuityDefinition = (
  acuity: () => AcuityClient,
): ManualActionDefinition<typeof reconcileWindowSchema, ReconcileReport> => ({
  input: reconcileWindowSchema,
  authorize: canUseAdminConsole,
  transaction: "manual",
  run: async ({ db, transaction }, { from, to }) => {
    const report = await reconcileWindow(db, acuity(), { from: new Date(from), to: new Date(to) });
    await transaction(({ audit }) =>
      audit({
        action: "acuity.reconciled",
        resourceType: "acuity",
        resourceId: `${from}..${to}`,
        metadata: { ...report },
      }),
    );
    return report;
  },
});
