import { readAcuityConfigFromEnv, verifyAcuityWebhook } from "@/lib/acuity";
import { log, LOG_EVENTS } from "@/lib/log";
import { storeWebhookDelivery } from "./webhook-intake";
import { kickWebhookWorker } from "./worker";

/** Where Acuity posts its webhooks (the Next route and the portal server's fast path). */
export const ACUITY_WEBHOOK_PATH = "/api/webhooks/acuity";

/** Webhooks carry four short form fields; anything much larger is not from Acuity. */
export const MAX_WEBHOOK_BODY_BYTES = 16 * 1024;

export interface WebhookAnswer {
  status: 200 | 401 | 413 | 500;
  body: { received: string } | { error: string };
}

/**
 * Acuity's webhook, whoever carries the HTTP: verify the signature over the raw bytes, store
 * the delivery, answer. Processing happens in the worker — Acuity never waits for it. A delivery
 * the database would not take is answered 500 so Acuity may send it again; the log line names the
 * cause in one line, never the bodies.
 */
export async function receiveAcuityWebhook(
  rawBody: Buffer,
  signature: string | null,
): Promise<WebhookAnswer> {
  if (rawBody.length > MAX_WEBHOOK_BODY_BYTES)
    return { status: 413, body: { error: "body too large for an Acuity webhook" } };
  const { apiKey } = readAcuityConfigFromEnv();
  if (!verifyAcuityWebhook(rawBody, signature, apiKey))
    return { status: 401, body: { error: "invalid signature" } };
  const event = await storeWebhookDelivery(rawBody).catch((error: unknown) => {
    log.error({ event: LOG_EVENTS.webhookNotStored, err: error }, "could not store a webhook delivery");
    return null;
  });
  if (!event) return { status: 500, body: { error: "not stored; please retry" } };
  if (event.actionable) kickWebhookWorker();
  return { status: 200, body: { received: event.id } };
}
