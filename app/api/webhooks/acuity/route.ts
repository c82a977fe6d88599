import { getDb } from "@/db/client";
import { ACUITY_SIGNATURE_HEADER, readAcuityConfigFromEnv, verifyAcuityWebhook } from "@/lib/acuity";
import { recordWebhookEvent } from "@/lib/acuity-sync/record-webhook-event";
import { kickWebhookWorker } from "@/lib/acuity-sync/worker";

/**
 * Acuity's webhook: verify the signature over the raw bytes, store the delivery, answer 200.
 * Processing happens in the worker — Acuity never waits for it.
 */
export async function POST(request: Request) {
  const raw = Buffer.from(await request.arrayBuffer());
  const { apiKey } = readAcuityConfigFromEnv();
  if (!verifyAcuityWebhook(raw, request.headers.get(ACUITY_SIGNATURE_HEADER), apiKey)) {
    return Response.json({ error: "invalid signature" }, { status: 401 });
  }
  const event = await recordWebhookEvent(getDb(), raw.toString("utf8"));
  if (event.actionable) kickWebhookWorker();
  return Response.json({ received: event.id });
}
