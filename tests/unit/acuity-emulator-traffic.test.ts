/** The emulator's rate limit on a simulated clock: exact arithmetic, no timing luck. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TrafficControl } from "@/services/acuity-emulator/traffic";

afterEach(() => {
  vi.useRealTimers();
});

/** Requests at the given offsets (ms from now); each finishes at once. Returns how many were refused. */
function refusedAmong(traffic: TrafficControl, offsets: number[]): number {
  const start = Date.now();
  let refused = 0;
  for (const offset of offsets) {
    vi.setSystemTime(start + offset);
    const done = traffic.admit();
    if (done) done();
    else refused += 1;
  }
  return refused;
}

const steady = (perSecond: number, seconds: number, jitterMs = 0) =>
  Array.from(
    { length: perSecond * seconds },
    (_, i) => (i * 1000) / perSecond + (i % 2 ? jitterMs : -jitterMs),
  );

describe("TrafficControl (Acuity's 10 requests/s)", () => {
  it("refuses a sustained 12 requests/s once the one-second burst is spent", () => {
    vi.useFakeTimers({ now: 0 });
    // 120 requests in 10 s; the burst (10) and the refill (about 100) let about 110 through.
    const refused = refusedAmong(new TrafficControl(10, 20), steady(12, 10));
    expect(refused).toBeGreaterThanOrEqual(9);
  });

  it("lets a client pacing at exactly 10/s after its burst through, despite ±40 ms arrival jitter", () => {
    vi.useFakeTimers({ now: 0 });
    const burst = Array.from({ length: 10 }, () => 0);
    const paced = steady(10, 10, 40).map((t) => t + 100);
    expect(refusedAmong(new TrafficControl(10, 20), [...burst, ...paced])).toBe(0);
  });

  it("does not turn the jitter allowance into throughput: 20/s gets about half refused", () => {
    vi.useFakeTimers({ now: 0 });
    const refused = refusedAmong(new TrafficControl(10, 20), steady(20, 10));
    // 200 sent, at most 10 + 100 + the half-token slack admitted.
    expect(refused).toBeGreaterThanOrEqual(89);
  });
});
