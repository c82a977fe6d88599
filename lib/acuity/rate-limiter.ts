import { config } from "@/lib/config";

/**
 * Acuity answers 429 past 10 requests/s or 20 concurrent connections per account, so
 * every request in this process goes through one limiter: a token bucket for the rate
 * and a counter for the requests in flight. Waiters are served first come, first served.
 */
export interface RequestLimiterOptions {
  maxPerSecond?: number;
  maxInFlight?: number;
}

export type ReleaseSlot = () => void;

export class RequestLimiter {
  readonly maxPerSecond: number;
  readonly maxInFlight: number;
  private tokens: number;
  private lastRefill = Date.now();
  private inFlight = 0;
  private readonly waiting: Array<(release: ReleaseSlot) => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: RequestLimiterOptions = {}) {
    this.maxPerSecond = options.maxPerSecond ?? 10;
    this.maxInFlight = options.maxInFlight ?? 20;
    this.tokens = this.maxPerSecond;
  }

  get active(): number {
    return this.inFlight;
  }

  /** Resolves once a request may start; call the returned function when it has finished. */
  acquire(): Promise<ReleaseSlot> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
  }

  /** Runs `task` inside a slot and frees the slot however it ends. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }

  private refill(): void {
    const now = Date.now();
    const elapsed = Math.max(0, now - this.lastRefill);
    this.tokens = Math.min(this.maxPerSecond, this.tokens + (elapsed * this.maxPerSecond) / 1000);
    this.lastRefill = now;
  }

  private pump(): void {
    this.refill();
    while (this.waiting.length > 0 && this.inFlight < this.maxInFlight && this.tokens >= 1) {
      this.tokens -= 1;
      this.inFlight += 1;
      const resolve = this.waiting.shift()!;
      let released = false;
      resolve(() => {
        if (released) return; // a double release must not free someone else's slot
        released = true;
        this.inFlight -= 1;
        this.pump();
      });
    }
    // Out of tokens with people waiting: wake up when the next token is due. (Waiting on a
    // free in-flight slot needs no timer; a release calls pump.)
    if (this.waiting.length > 0 && this.tokens < 1 && this.inFlight < this.maxInFlight && !this.timer) {
      const wait = Math.ceil(((1 - this.tokens) * 1000) / this.maxPerSecond);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, wait);
    }
  }
}

/**
 * The one limiter shared by every client in this process (Acuity's limits are per account:
 * 10 requests/s, 20 in flight). ACUITY_MAX_REQUESTS_PER_SECOND / ACUITY_MAX_IN_FLIGHT lower
 * them when several instances share one account, or raise them against the emulator. Built on
 * first use (configuration is never read at import time) and kept on globalThis: Next's bundle
 * and the portal server's own modules are separate copies in one process.
 */
export function sharedAcuityLimiter(): RequestLimiter {
  const holder = globalThis as { __imeAcuityLimiter?: RequestLimiter };
  holder.__imeAcuityLimiter ??= new RequestLimiter({
    maxPerSecond: config().ACUITY_MAX_REQUESTS_PER_SECOND,
    maxInFlight: config().ACUITY_MAX_IN_FLIGHT,
  });
  return holder.__imeAcuityLimiter;
}
