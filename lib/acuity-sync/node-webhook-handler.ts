import type { IncomingMessage, ServerResponse } from "node:http";
import { ACUITY_SIGNATURE_HEADER } from "@/lib/acuity";
import { log, LOG_EVENTS } from "@/lib/log";
import {
  MAX_WEBHOOK_BODY_BYTES,
  receiveAcuityWebhook,
  TOO_LARGE,
  webhookHttpAnswer,
  type WebhookAnswer,
} from "./receive-webhook";

/** The raw bytes, or null once the body passes the webhook size cap (the rest is not read). */
async function readCappedBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, answer: WebhookAnswer): void {
  const { status, body: json } = webhookHttpAnswer(answer);
  const body = JSON.stringify(json);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/**
 * Acuity's webhook on a plain Node request, for the portal server: the same receiver as the
 * Next route, without Next's per-request pipeline (about 2.5 ms of CPU per request on the
 * 2-core benchmark machine, which capped acknowledgements near 380/s).
 */
export async function handleAcuityWebhookRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const raw = await readCappedBody(req);
    if (raw === null) {
      res.setHeader("connection", "close");
      send(res, TOO_LARGE);
      return;
    }
    const signature = req.headers[ACUITY_SIGNATURE_HEADER];
    send(res, await receiveAcuityWebhook(raw, typeof signature === "string" ? signature : null));
  } catch (error) {
    log.error({ event: LOG_EVENTS.webhookNotStored, err: error }, "could not answer a webhook delivery");
    if (!res.headersSent) send(res, { ok: false, code: "internal", error: "not stored; please retry" });
  }
}
