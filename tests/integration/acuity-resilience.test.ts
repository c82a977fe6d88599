import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAcuityClient } from "@/lib/acuity/client";
import { AcuityRateLimitedError, AcuityUnavailableError } from "@/lib/acuity/errors";
import { RequestLimiter } from "@/lib/acuity/rate-limiter";
import type { AcuityEmulator } from "@/services/acuity-emulator/server";
import {
  API_KEY,
  HART,
  IN_PERSON,
  USER_ID,
  bookingFor,
  clientFor,
  startTestEmulator,
} from "./acuity-test-support";

let emulator: AcuityEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const control = (path: string, body: unknown) =>
  fetch(`${emulator.controlUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("transient failures", () => {
  it("retries a read through injected 500s and returns the answer", async () => {
    emulator.failNextRequests(2, 500);
    const calendars = await clientFor(emulator).listCalendars();
    expect(calendars.map((c) => c.id)).toContain(HART);
  });

  it("surfaces a 500 on booking instead of retrying it, and books nothing", async () => {
    const res = await control("/fail-next", { count: 1, status: 500 });
    expect(res.status).toBe(200);
    const attempt = clientFor(emulator).createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
    await expect(attempt).rejects.toBeInstanceOf(AcuityUnavailableError);
    await expect(attempt).rejects.toMatchObject({ userMessage: expect.stringMatching(/isn't responding/) });
    expect(emulator.listAllAppointments()).toHaveLength(0);
  });

  it("gives up with AcuityUnavailableError when the failures outlast the retries", async () => {
    emulator.failNextRequests(10, 503);
    await expect(clientFor(emulator, { maxRetries: 2 }).listCalendars()).rejects.toMatchObject({
      status: 503,
    });
  });

  it("times out a slow answer", async () => {
    emulator.setResponseDelay(500);
    const slow = clientFor(emulator, { maxRetries: 0 });
    const impatient = createAcuityClient(
      { userId: USER_ID, apiKey: API_KEY, baseUrl: emulator.url, timeoutMs: 100 },
      { maxRetries: 0 },
    );
    await expect(impatient.listCalendars()).rejects.toMatchObject({ code: "timeout" });
    await expect(slow.listCalendars()).resolves.toHaveLength(7);
  });
});

describe("rate limiting", () => {
  it("waits out Retry-After on 429 and then succeeds", async () => {
    emulator.failNextRequests(2, 429);
    const times = await clientFor(emulator).getAvailableTimes({
      date: "2026-12-01",
      appointmentTypeID: IN_PERSON,
      calendarID: HART,
    });
    expect(times.length).toBeGreaterThan(0);
  });

  it("reports AcuityRateLimitedError when Acuity keeps refusing", async () => {
    emulator.failNextRequests(4, 429);
    const attempt = clientFor(emulator, { retryMaxDelayMs: 100 }).listAppointmentTypes();
    await expect(attempt).rejects.toBeInstanceOf(AcuityRateLimitedError);
    await expect(attempt).rejects.toMatchObject({ userMessage: expect.stringMatching(/busy/) });
  });

  it("answers 429 in Acuity's shape when flooded past 10 requests/s", async () => {
    // A stopped rate clock: all 30 count as one second however slowly this machine sends them.
    const flooded = await startTestEmulator({ limits: { maxPerSecond: 10, clock: () => 0 } });
    try {
      const auth = `Basic ${Buffer.from(`${USER_ID}:${API_KEY}`).toString("base64")}`;
      const answers = await Promise.all(
        Array.from({ length: 30 }, () =>
          fetch(`${flooded.url}/calendars`, { headers: { Authorization: auth } }),
        ),
      );
      const refused = answers.filter((r) => r.status === 429);
      expect(refused).toHaveLength(20);
      expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
      expect(await refused[0]!.json()).toMatchObject({ status_code: 429, error: "too_many_requests" });
      expect(refused[0]!.headers.get("retry-after")).toBe("1");
    } finally {
      await flooded.stop();
    }
  });

  it("answers 429 past the open-connection limit", async () => {
    const crowded = await startTestEmulator({ limits: { maxPerSecond: 1000, maxConcurrent: 2 } });
    try {
      // The first two answers wait until released, so their connections are open when the third arrives.
      const release = crowded.holdAnswers();
      const auth = `Basic ${Buffer.from(`${USER_ID}:${API_KEY}`).toString("base64")}`;
      const ask = () =>
        fetch(`${crowded.url}/calendars`, { headers: { Authorization: auth } }).then((r) => r.status);
      const first = [ask(), ask()];
      await expect.poll(() => crowded.openRequests(), { timeout: 60_000 }).toBe(2);
      const third = await ask();
      release();
      expect([...(await Promise.all(first)), third].sort()).toEqual([200, 200, 429]);
    } finally {
      await crowded.stop();
    }
  });

  it("paces a burst of 30 parallel reads within 10/s, so Acuity refuses none of them", async () => {
    // Arrivals jitter with the machine's load (a request sent on time may land together with the
    // next): half a second of slack absorbs that, while an unpaced burst still meets 15 refusals.
    const fresh = await startTestEmulator({ limits: { maxPerSecond: 10, jitterSlack: 5 } });
    try {
      // No retries: a single 429 fails the test, so it shows the pacing, not a recovery.
      const acuity = clientFor(fresh, { limiter: new RequestLimiter(), maxRetries: 0 });
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          acuity.getAvailableDates({ month: "2026-12", appointmentTypeID: IN_PERSON, calendarID: HART }),
        ),
      );
      expect(results.every((dates) => dates.length > 0)).toBe(true);
      // A one-second burst of 10, then 10/s for the other 20.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    } finally {
      await fresh.stop();
    }
  });

  it("would be refused without the limiter's pacing (the check above can fail)", async () => {
    // A stopped rate clock: the unpaced burst counts as one second however slowly it is sent.
    const fresh = await startTestEmulator({ limits: { maxPerSecond: 10, clock: () => 0 } });
    try {
      const unpaced = clientFor(fresh, {
        limiter: new RequestLimiter({ maxPerSecond: 1000 }),
        maxRetries: 0,
      });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 30 }, () =>
          unpaced.getAvailableDates({ month: "2026-12", appointmentTypeID: IN_PERSON, calendarID: HART }),
        ),
      );
      const refused = outcomes.filter(
        (o) => o.status === "rejected" && o.reason instanceof AcuityRateLimitedError,
      );
      expect(refused.length).toBeGreaterThanOrEqual(10);
    } finally {
      await fresh.stop();
    }
  });
});
