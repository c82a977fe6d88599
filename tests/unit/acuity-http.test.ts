import { describe, expect, it } from "vitest";
import { createAcuityClient } from "@/lib/acuity/client";
import {
  AcuityRateLimitedError,
  AcuityResponseError,
  AcuitySlotUnavailableError,
  AcuityUnavailableError,
} from "@/lib/acuity/errors";
import { parseRetryAfter } from "@/lib/acuity/http";
import { RequestLimiter } from "@/lib/acuity/rate-limiter";

const config = { userId: "123", apiKey: "key", baseUrl: "https://acuity.test/api/v1" };

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(answers: Array<() => Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error("unexpected extra request");
    return next();
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
const acuityError = (status: number, error: string) =>
  json(status, { status_code: status, message: error, error });

function client(answers: Array<() => Response>) {
  const scripted = scriptedFetch(answers);
  const acuity = createAcuityClient(config, {
    fetch: scripted.fetchImpl,
    limiter: new RequestLimiter({ maxPerSecond: 1000 }),
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 50,
  });
  return { acuity, calls: scripted.calls };
}

describe("Acuity transport", () => {
  it("sends basic auth and query parameters", async () => {
    const { acuity, calls } = client([json(200, [{ date: "2026-12-01" }])]);
    await acuity.getAvailableDates({ month: "2026-12", appointmentTypeID: 501, calendarID: 7101 });
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/api/v1/availability/dates");
    expect(url.searchParams.get("month")).toBe("2026-12");
    expect(url.searchParams.has("timezone")).toBe(false);
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe(
      `Basic ${Buffer.from("123:key").toString("base64")}`,
    );
  });

  it("retries a GET after 5xx and network errors, then returns the answer", async () => {
    const { acuity, calls } = client([
      acuityError(503, "unavailable"),
      () => {
        throw new TypeError("fetch failed");
      },
      json(200, [{ time: "2026-12-01T09:00:00-0500" }]),
    ]);
    const times = await acuity.getAvailableTimes({ date: "2026-12-01", appointmentTypeID: 501 });
    expect(times.map((t) => t.time)).toEqual(["2026-12-01T09:00:00-0500"]);
    expect(calls).toHaveLength(3);
  });

  it("gives up after the retries with AcuityUnavailableError", async () => {
    const { acuity, calls } = client(Array.from({ length: 4 }, () => acuityError(500, "internal_error")));
    await expect(acuity.listCalendars()).rejects.toBeInstanceOf(AcuityUnavailableError);
    expect(calls).toHaveLength(4);
  });

  it("never retries a booking, even on a 500", async () => {
    const { acuity, calls } = client([acuityError(500, "internal_error")]);
    const booking = acuity.createAppointment({
      datetime: "2026-12-01T09:00:00-0500",
      appointmentTypeID: 501,
      calendarID: 7101,
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.test",
    });
    await expect(booking).rejects.toBeInstanceOf(AcuityUnavailableError);
    expect(calls).toHaveLength(1);
  });

  it("sends a booking again after a 429, which Acuity answers before doing anything", async () => {
    const appointment = {
      id: 1,
      datetime: "2026-12-01T09:00:00-0500",
      duration: "60",
      calendarID: 7101,
      appointmentTypeID: 501,
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.test",
      phone: "",
      timezone: "America/New_York",
      calendarTimezone: "America/New_York",
      canceled: false,
      location: "",
      notes: "",
      forms: [],
      scheduledBy: null,
      datetimeCreated: "2026-11-22T10:00:00-0500",
      calendar: "Dr. Amelia Hart",
      type: "IME",
    };
    const { acuity, calls } = client([acuityError(429, "too_many_requests"), json(200, appointment)]);
    const booked = await acuity.createAppointment({
      datetime: "2026-12-01T09:00:00-0500",
      appointmentTypeID: 501,
      calendarID: 7101,
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.test",
    });
    expect(booked.id).toBe(1);
    expect(calls.map((c) => c.init.method)).toEqual(["POST", "POST"]);
  });

  it("stops retrying when Retry-After is longer than it is willing to wait", async () => {
    const { acuity, calls } = client(
      [acuityError(429, "too_many_requests")].map((a) => () => {
        const response = a();
        response.headers.set("Retry-After", "120");
        return response;
      }),
    );
    await expect(acuity.listCalendars()).rejects.toBeInstanceOf(AcuityRateLimitedError);
    expect(calls).toHaveLength(1);
  });

  it("reports an answer of the wrong shape as AcuityResponseError", async () => {
    const { acuity } = client([json(200, [{ id: "7101", name: "Dr. Hart" }])]);
    await expect(acuity.listCalendars()).rejects.toBeInstanceOf(AcuityResponseError);
  });

  it("turns a not_available answer from check-times into valid: false", async () => {
    const { acuity } = client([acuityError(400, "not_available")]);
    const check = await acuity.checkTime({ datetime: "2026-12-01T09:00:00-0500", appointmentTypeID: 501 });
    expect(check.valid).toBe(false);
  });

  it("retries check-times (a read, though a POST) after 5xx and network errors", async () => {
    const { acuity, calls } = client([
      acuityError(502, "bad_gateway"),
      () => {
        throw new TypeError("fetch failed");
      },
      json(200, {
        datetime: "2026-12-01T09:00:00-0500",
        appointmentTypeID: 501,
        calendarID: 7101,
        valid: true,
      }),
    ]);
    const check = await acuity.checkTime({
      datetime: "2026-12-01T09:00:00-0500",
      appointmentTypeID: 501,
      calendarID: 7101,
    });
    expect(check.valid).toBe(true);
    expect(calls.map((c) => `${c.init.method} ${new URL(c.url).pathname}`)).toEqual(
      Array.from({ length: 3 }, () => "POST /api/v1/availability/check-times"),
    );
  });

  it("never retries a reschedule after a network error: it may have been applied", async () => {
    const { acuity, calls } = client([
      () => {
        throw new TypeError("fetch failed");
      },
    ]);
    await expect(
      acuity.rescheduleAppointment(1, { datetime: "2026-12-01T09:00:00-0500" }),
    ).rejects.toBeInstanceOf(AcuityUnavailableError);
    expect(calls).toHaveLength(1);
  });

  it("does not swallow slot errors on booking", async () => {
    const { acuity } = client([acuityError(400, "not_available")]);
    await expect(
      acuity.rescheduleAppointment(1, { datetime: "2026-12-01T09:00:00-0500" }),
    ).rejects.toBeInstanceOf(AcuitySlotUnavailableError);
  });

  it("marks a no-show as an admin cancel", async () => {
    const { acuity, calls } = client([json(404, { status_code: 404, message: "x", error: "not_found" })]);
    await acuity.cancelAppointment(5, { noShow: true }).catch(() => undefined);
    expect(new URL(calls[0]!.url).searchParams.get("admin")).toBe("true");
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ noShow: true });
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
