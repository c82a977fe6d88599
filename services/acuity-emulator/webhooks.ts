/**
 * Sends Acuity-style webhooks (form-encoded ids, signed with the API key) to every target,
 * in the background, one at a time in emission order, and keeps a log for tests. The
 * delivery quirks the portal must survive — duplicates, reordering, loss — are switches.
 */
import { signAcuityWebhook, type AcuityWebhookAction } from "@/lib/acuity/webhook-signature";

export type ReleaseOrder = "in-order" | "reversed" | "shuffled";
export type ActionStyle = "bare" | "prefixed";

export interface WebhookEvent {
  action: AcuityWebhookAction;
  id: number;
  calendarID: number;
  appointmentTypeID: number;
}

export interface WebhookDelivery {
  seq: number;
  target: string;
  action: AcuityWebhookAction;
  appointmentId: number;
  body: string;
  signature: string;
  /** HTTP status from the target; null when dropped or unreachable. */
  status: number | null;
  dropped: boolean;
  error?: string;
}

const DELIVERY_TIMEOUT_MS = 5_000;

export class WebhookDispatcher {
  private readonly log: WebhookDelivery[] = [];
  private seq = 0;
  private duplicateCount = 0;
  private dropCount = 0;
  private holding = false;
  private held: Array<{ event: WebhookEvent; copies: number }> = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly apiKey: string,
    public targets: string[],
    public actionStyle: ActionStyle = "bare",
  ) {}

  /** Called by every change; returns at once, delivery happens later. */
  emit(event: WebhookEvent): void {
    if (this.dropCount > 0) {
      this.dropCount -= 1;
      for (const target of this.targets) this.record(target, event, this.encode(event), null, true);
      return;
    }
    const copies = this.duplicateCount > 0 ? 2 : 1;
    if (copies === 2) this.duplicateCount -= 1;
    if (this.holding) this.held.push({ event, copies });
    else this.enqueue([{ event, copies }]);
  }

  duplicateNext(count = 1): void {
    this.duplicateCount += count;
  }

  dropNext(count = 1): void {
    this.dropCount += count;
  }

  hold(): void {
    this.holding = true;
  }

  /** Stops holding and sends what was held, in the given order. Returns how many events. */
  release(order: ReleaseOrder = "in-order"): number {
    const batch = this.held;
    this.held = [];
    this.holding = false;
    if (order === "reversed") batch.reverse();
    if (order === "shuffled") {
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
    }
    this.enqueue(batch);
    return batch.length;
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((delivery) => ({ ...delivery }));
  }

  /** Resolves when everything emitted so far (and not held) has been attempted. */
  async settle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  reset(): void {
    this.log.length = 0;
    this.duplicateCount = 0;
    this.dropCount = 0;
    this.holding = false;
    this.held = [];
  }

  private encode(event: WebhookEvent): string {
    const action = this.actionStyle === "prefixed" ? `appointment.${event.action}` : event.action;
    return new URLSearchParams({
      action,
      id: String(event.id),
      calendarID: String(event.calendarID),
      appointmentTypeID: String(event.appointmentTypeID),
    }).toString();
  }

  private enqueue(batch: Array<{ event: WebhookEvent; copies: number }>): void {
    for (const { event, copies } of batch) {
      const body = this.encode(event);
      for (let copy = 0; copy < copies; copy++) {
        for (const target of [...this.targets]) {
          this.queue = this.queue.then(() => this.deliver(target, event, body));
        }
      }
    }
  }

  private async deliver(target: string, event: WebhookEvent, body: string): Promise<void> {
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Acuity-Signature": signAcuityWebhook(body, this.apiKey),
          "User-Agent": "AcuityScheduling-Emulator",
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      this.record(target, event, body, response.status, false);
    } catch (error) {
      // Acuity's retry policy is undocumented; the emulator doesn't retry, it just logs.
      this.record(target, event, body, null, false, (error as Error).message);
    }
  }

  private record(
    target: string,
    event: WebhookEvent,
    body: string,
    status: number | null,
    dropped: boolean,
    error?: string,
  ) {
    this.log.push({
      seq: ++this.seq,
      target,
      action: event.action,
      appointmentId: event.id,
      body,
      signature: signAcuityWebhook(body, this.apiKey),
      status,
      dropped,
      ...(error ? { error } : {}),
    });
  }
}
