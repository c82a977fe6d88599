import { afterEach, describe, expect, it, vi } from "vitest";
import { RequestLimiter } from "@/lib/acuity/rate-limiter";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("RequestLimiter", () => {
  it("never lets more than maxInFlight tasks run at once, and runs them all", async () => {
    const limiter = new RequestLimiter({ maxInFlight: 3, maxPerSecond: 1000 });
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 12 }, deferred);
    const tasks = gates.map((gate, i) =>
      limiter.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );
    // Open the gates one by one, letting the limiter hand out freed slots in between.
    for (const gate of gates) {
      await flush();
      expect(running).toBeLessThanOrEqual(3);
      gate.resolve();
    }
    expect(await Promise.all(tasks)).toEqual(gates.map((_, i) => i));
    expect(peak).toBe(3);
  });

  it("frees the slot when a task throws", async () => {
    const limiter = new RequestLimiter({ maxInFlight: 1, maxPerSecond: 1000 });
    await expect(limiter.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run(async () => "ok")).resolves.toBe("ok");
    expect(limiter.active).toBe(0);
  });

  it("spreads requests to the per-second rate once the burst is used", async () => {
    vi.useFakeTimers();
    const limiter = new RequestLimiter({ maxInFlight: 100, maxPerSecond: 2 });
    let started = 0;
    for (let i = 0; i < 6; i++) void limiter.acquire().then((release) => (started++, release()));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(2); // the burst
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(5);
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toBe(6);
  });

  it("ignores a second release of the same slot", async () => {
    const limiter = new RequestLimiter({ maxInFlight: 1, maxPerSecond: 1000 });
    const first = await limiter.acquire();
    const secondStarted = vi.fn();
    const second = limiter.acquire().then((release) => (secondStarted(), release));
    first();
    const release2 = await second;
    first(); // stale release must not free the slot the second holder now owns
    let thirdStarted = false;
    void limiter.acquire().then(() => (thirdStarted = true));
    await flush();
    expect(thirdStarted).toBe(false);
    release2();
    await flush();
    expect(thirdStarted).toBe(true);
  });
});
