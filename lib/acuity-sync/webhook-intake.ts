import { getDb } from "@/db/client";
import { recordWebhookEvents, type RecordedWebhookEvent } from "./record-webhook-event";

interface Waiting {
  rawBody: string;
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
const state = ((globalThis as Record<string, unknown>).__imeWebhookIntake ??= { waiting: [], inFlight: 0 }) as IntakeState;

function flush(): void {
  while (state.waiting.length > 0 && state.inFlight < MAX_IN_FLIGHT) {
    const group = state.waiting.splice(0, MAX_GROUP);
    state.inFlight += 1;
    recordWebhookEvents(getDb(), group.map((w) => w.rawBody))
      .then(
        (recorded) => group.forEach((w, i) => w.resolve(recorded[i]!)),
        (error) => group.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        state.inFlight -= 1;
        flush();
      });
  }
}

/**
 * Stores one verified delivery and resolves once its row is committed — never before, so a 200
 * always means "stored". Deliveries that arrive while the store is busy join one multi-row
 * INSERT (group commit): under a burst the database takes one statement and one commit per
 * group instead of one per delivery. A failed INSERT rejects its whole group, so each of those
 * deliveries is answered with an error and Acuity may send it again.
 */
export function storeWebhookDelivery(rawBody: string): Promise<RecordedWebhookEvent> {
  return new Promise((resolve, reject) => {
    state.waiting.push({ rawBody, resolve, reject });
    // Wait for the rest of this turn of the event loop: deliveries read together insert together.
    if (state.waiting.length === 1) setImmediate(flush);
  });
}
