import { afterAll, beforeAll } from "vitest";
import { drainDueEvents } from "@/lib/acuity-sync/worker";
import { startAcuityEmulator, type AcuityEmulator } from "@/services/acuity-emulator";
import { POST } from "@/app/api/webhooks/acuity/route";
import { serveRoute } from "./route-server";

export interface WebhookHarness {
  /** The Acuity emulator, posting signed webhooks to the real route over HTTP. */
  readonly emulator: AcuityEmulator;
  /** The webhook route's URL, for deliveries a test sends itself. */
  readonly receiverUrl: string;
  /** Appointments this file made or posted about: its drains touch only their events. */
  readonly mine: Set<string>;
  /** One worker pass over this file's events (files share the database and its queue). */
  drain: () => Promise<number>;
}

/**
 * The webhook inbox end to end for one test file: the real route handler served over HTTP, an
 * emulator with its own account and id range sending to it, the app's Acuity client pointed at
 * that emulator, and no background worker — the file drains explicitly.
 */
export function setUpWebhookHarness(account: {
  userId: string;
  apiKey: string;
  firstAppointmentId: number;
  mine?: string[];
}): WebhookHarness {
  let emulator: AcuityEmulator | undefined;
  let receiver: Awaited<ReturnType<typeof serveRoute>> | undefined;
  const mine = new Set<string>(account.mine ?? []);

  beforeAll(async () => {
    process.env.WEBHOOK_WORKER = "off";
    receiver = await serveRoute(POST);
    emulator = await startAcuityEmulator({
      port: 0,
      userId: account.userId,
      apiKey: account.apiKey,
      webhookTargets: [receiver.url],
      firstAppointmentId: account.firstAppointmentId,
      limits: { maxPerSecond: 1000, maxConcurrent: 100 },
    });
    Object.assign(process.env, {
      ACUITY_USER_ID: account.userId,
      ACUITY_API_KEY: account.apiKey,
      ACUITY_BASE_URL: emulator.url,
    });
  });
  afterAll(async () => {
    await emulator?.stop();
    await receiver?.close();
  });

  return {
    get emulator() {
      if (!emulator) throw new Error("the webhook harness starts in beforeAll");
      return emulator;
    },
    get receiverUrl() {
      if (!receiver) throw new Error("the webhook harness starts in beforeAll");
      return receiver.url;
    },
    mine,
    drain: () => drainDueEvents({ resourceIds: [...mine] }),
  };
}
