import { readAcuityConfigFromEnv, verifyAcuityWebhook } from "@/lib/acuity";
import { httpStatusOf, type FailureBody } from "@/lib/http/error-status";
import { log, LOG_EVENTS } from "@/lib/log";
import { storeWebhookDelivery } from "./webhook-intake";
import { kickWebhookWorker } from "./worker";

/** Where Acuity posts its webhooks (the Next route and the portal server's fast path). */
export const ACUITY_WEBHOOK_PATH = "/api/webhooks/acuity";

/** Webhooks carry four short form fields; anything much larger is not from Acuity. */
export const MAX_WEBHOOK_BODY_BYTES = 16 * 1024;

/** Acuity's answer: the stored event's id, or a failure whose code decides the status. */
export type WebhookAnswer = { ok: true; received: string } | ({ ok: false } & FailureBody);

export const TOO_LARGE: WebhookAnswer = {
  ok: false,
  code: "payload_too_large",
  error: "body too large for an Acuity webhook",
};

/** The HTTP status and JSON body of an answer, for whichever server carries it. */
export function webhookHttpAnswer(answer: WebhookAnswer): { status: number; body: object } {
  if (answer.ok) return { status: 200, body: { received: answer.received } };
  return { status: httpStatusOf(answer.code), body: { code: answer.code, error: answer.error } };
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
  if (rawBody.length > MAX_WEBHOOK_BODY_BYTES) return TOO_LARGE;
  const { apiKey } = readAcuityConfigFromEnv();
  if (!verifyAcuityWebhook(rawBody, signature, apiKey))
    return { ok: false, code: "invalid_signature", error: "invalid signature" };
  const event = await storeWebhookDelivery(rawBody).catch((error: unknown) => {
    log.error({ event: LOG_EVENTS.webhookNotStored, err: error }, "could not store a webhook delivery");
    return null;
  });
  // Acuity sends again after an error status: nothing is lost.
  if (!event) return { ok: false, code: "internal", error: "not stored; please retry" };
  if (event.actionable) kickWebhookWorker();
  return { ok: true, received: event.id };
}
