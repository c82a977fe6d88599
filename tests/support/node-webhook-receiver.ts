import http from "node:http";
import type { AddressInfo } from "node:net";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { getDb } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { handleAcuityWebhookRequest } from "@/lib/acuity-sync/node-webhook-handler";
import { ACUITY_WEBHOOK_PATH } from "@/lib/acuity-sync/receive-webhook";

export interface NodeWebhookReceiver {
  /** The receiver's webhook URL (set once the file's beforeAll ran). */
  readonly url: string;
  /** A keep-alive agent for many deliveries at once. */
  readonly agent: http.Agent;
  /** Appointment ids this file delivered for: marked processed afterwards. */
  readonly appointmentIds: string[];
}

/**
 * The portal server's own webhook path (node-webhook-handler) on a free port for one test file,
 * with the file's Acuity account and no worker: only storing is under test. Afterwards the
 * file's events leave the shared queue, so no other file's worker pass ever meets them.
 */
export function serveNodeWebhookReceiver(account: { userId: string; apiKey: string }): NodeWebhookReceiver {
  let server: http.Server;
  const receiver = {
    url: "",
    agent: new http.Agent({ keepAlive: true, maxSockets: 100 }),
    appointmentIds: [] as string[],
  };
  beforeAll(async () => {
    Object.assign(process.env, {
      WEBHOOK_WORKER: "off",
      ACUITY_USER_ID: account.userId,
      ACUITY_API_KEY: account.apiKey,
    });
    server = http.createServer((req, res) => void handleAcuityWebhookRequest(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${ACUITY_WEBHOOK_PATH}`;
  });
  afterAll(async () => {
    receiver.agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    if (receiver.appointmentIds.length > 0) {
      await getDb()
        .update(webhookEvents)
        .set({ processedAt: sql`now()` })
        .where(inArray(webhookEvents.resourceId, receiver.appointmentIds));
    }
  });
  return receiver;
}
