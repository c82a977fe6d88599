/** Shared fixtures for the Acuity integration tests: emulator, real client, webhook receiver. */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createAcuityClient,
  type CreateAcuityClientOptions,
  type CreateAppointmentInput,
} from "@/lib/acuity/client";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import {
  startAcuityEmulator,
  type AcuityEmulator,
  type AcuityEmulatorOptions,
} from "@/services/acuity-emulator/server";

export const USER_ID = "4242";
export const API_KEY = "emulator-test-api-key";
/** A fixed Monday noon UTC, so availability doesn't depend on when the suite runs. */
export const NOW = new Date("2026-11-23T12:00:00Z");
export const IN_PERSON = DEMO_APPOINTMENT_TYPES.inPerson.id;
export const TELEHEALTH = DEMO_APPOINTMENT_TYPES.telehealth.id;
/** Dr. Hart, New York, 09:00–17:00 weekdays, has an address. */
export const HART = 7101;
/** Dr. Brennan, telehealth only. */
export const BRENNAN = 7106;

/**
 * The emulator runs in the test's own process, so an event-loop stall can bunch up requests
 * the client paced correctly; tests that aren't about rate limits get headroom
 * (`realLimits: true` keeps Acuity's 10/s for those that are).
 */
export function startTestEmulator(
  options: Partial<AcuityEmulatorOptions> & { realLimits?: boolean } = {},
): Promise<AcuityEmulator> {
  const { realLimits = false, ...rest } = options;
  const limits = realLimits ? undefined : { maxPerSecond: 30 };
  return startAcuityEmulator({ port: 0, userId: USER_ID, apiKey: API_KEY, now: () => NOW, limits, ...rest });
}

/** The real client, pointed at the emulator, with short retry pauses and the process-wide limiter. */
export function clientFor(
  emulator: AcuityEmulator,
  options: CreateAcuityClientOptions & { apiKey?: string } = {},
) {
  const { apiKey = API_KEY, ...rest } = options;
  return createAcuityClient(
    { userId: USER_ID, apiKey, baseUrl: emulator.url, timeoutMs: 5_000 },
    { retryBaseDelayMs: 20, retryMaxDelayMs: 2_000, ...rest },
  );
}

export function bookingFor(
  datetime: string,
  overrides: Partial<CreateAppointmentInput> = {},
): CreateAppointmentInput {
  return {
    datetime,
    appointmentTypeID: IN_PERSON,
    calendarID: HART,
    firstName: "Jordan",
    lastName: "Claimant",
    email: "jordan.claimant@example.test",
    phone: "+12125550100",
    notes: "Claim 4471",
    ...overrides,
  };
}

export interface ReceivedWebhook {
  body: string;
  headers: IncomingHttpHeaders;
}

/** A local endpoint standing in for the portal's webhook route. */
export async function startWebhookReceiver(status = 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/acuity`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
