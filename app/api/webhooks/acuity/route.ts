import { ACUITY_SIGNATURE_HEADER } from "@/lib/acuity";
import { receiveAcuityWebhook, webhookHttpAnswer } from "@/lib/acuity-sync/receive-webhook";

/**
 * Acuity's webhook under `next start`. The portal server (scripts/portal-server.ts) answers
 * this path itself, before Next's request pipeline, with the same receiveAcuityWebhook.
 */
export async function POST(request: Request) {
  const raw = Buffer.from(await request.arrayBuffer());
  const answer = webhookHttpAnswer(
    await receiveAcuityWebhook(raw, request.headers.get(ACUITY_SIGNATURE_HEADER)),
  );
  return Response.json(answer.body, { status: answer.status, headers: { "cache-control": "no-store" } });
}
