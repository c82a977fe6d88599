import { getDb } from "@/db/client";
import { log, LOG_EVENTS } from "@/lib/log";
import { recordWebhookEvents, type RecordedWebhookEvent } from "./record-webhook-event";
import { webhookRowFromBody, type WebhookDeliveryRow } from "./webhook-delivery-row";

interface Waiting {
  row: WebhookDeliveryRow;
  resolve: (event: RecordedWebhookEvent) => void;
  reject: (error: unknown) => void;
}

/** Statements in flight at once, and deliveries per statement. */
const MAX_IN_FLIGHT = 2;
const MAX_GROUP = 500;

interface IntakeState {
  waiting: Waiting[];
  inFlight: number;
}
// One intake per process, shared by the Next route and the portal server's fast path.
const state = ((globalThis as Record<string, unknown>).__imeWebhookIntake ??= {
  waiting: [],
  inFlight: 0,
}) as IntakeState;

/** Stores a group; answers each delivery from its own outcome. */
async function storeGroup(group: Waiting[]): Promise<void> {
  try {
    const recorded = await recordWebhookEvents(
      getDb(),
      group.map((w) => w.row),
    );
    group.forEach((w, i) => w.resolve(recorded[i]!));
    return;
  } catch (error) {
    if (group.length === 1) return group[0]!.reject(error);
    // One delivery the database refuses must not take the others down: each is stored alone.
    log.warn(
      { event: LOG_EVENTS.webhookGroupRetried, deliveries: group.length, err: error },
      "storing webhook deliveries in one statement failed; storing each alone",
    );
  }
  await Promise.all(group.map((w) => storeGroup([w])));
}

function flush(): void {
  while (state.waiting.length > 0 && state.inFlight < MAX_IN_FLIGHT) {
    const group = state.waiting.splice(0, MAX_GROUP);
    state.inFlight += 1;
    void storeGroup(group).finally(() => {
      state.inFlight -= 1;
      flush();
    });
  }
}

/**
 * Stores one verified delivery and resolves once its row is committed — never before, so a 200
 * always means "stored". Deliveries that arrive while the store is busy join one multi-row
 * INSERT (group commit): under a burst the database takes one statement and one commit per
 * group instead of one per delivery. Should that INSERT fail, each delivery is stored on its
 * own, so only one the database really refuses is answered with an error (and may come again).
 */
export function storeWebhookDelivery(rawBody: Buffer): Promise<RecordedWebhookEvent> {
  return new Promise((resolve, reject) => {
    state.waiting.push({ row: webhookRowFromBody(rawBody), resolve, reject });
    // Wait for the rest of this turn of the event loop: deliveries read together insert together.
    if (state.waiting.length === 1) setImmediate(flush);
  });
}
