/**
 * What stands between a request and the API: Acuity's limits (10 requests/s, 20 open
 * connections → 429) and the test switches (fail the next N, slow every answer down).
 */
/**
 * How far into debt the bucket may go: a request arriving up to half a token early (50 ms at
 * 10/s) is let in, because arrival times jitter by a few ms and a client pacing itself at
 * exactly the limit would otherwise be punished. The debt is paid back from the refill, so
 * the slack is a one-off allowance, never extra throughput: over any stretch, at most
 * maxPerSecond (the one-second burst) + maxPerSecond × seconds + JITTER_SLACK get through.
 */
const JITTER_SLACK = 0.5;

export class TrafficControl {
  private injected: number[] = [];
  private answersToLose: { outage?: { requests: number; status: number } }[] = [];
  private tokens: number;
  private lastRefill: number;
  private inFlight = 0;
  delayMs = 0;
  /** While set, every admitted request waits for it before answering (holds connections open). */
  held: Promise<void> | null = null;

  constructor(
    readonly maxPerSecond = 10,
    readonly maxConcurrent = 20,
    /** The rate's clock; tests freeze it so "within one second" does not depend on the machine's speed. */
    private readonly clock: () => number = Date.now,
    /** Tokens of debt allowed for early arrivals (see JITTER_SLACK). */
    private readonly jitterSlack = JITTER_SLACK,
  ) {
    this.tokens = maxPerSecond;
    this.lastRefill = clock();
  }

  /** API requests admitted and not yet answered. */
  get open(): number {
    return this.inFlight;
  }

  /** Holds every answer until the returned function is called. */
  holdAnswers(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return () => {
      this.held = null;
      release();
    };
  }

  /** The next `count` API requests answer `status` (500, 503, 429...) before doing anything. */
  failNext(count: number, status = 500): void {
    for (let i = 0; i < count; i++) this.injected.push(status);
  }

  takeInjectedFailure(): number | undefined {
    return this.injected.shift();
  }

  /**
   * The next `count` API requests that succeed are carried out — an appointment is booked, moved,
   * cancelled — but their answers are lost: the connection drops instead (a timeout or network
   * cut after Acuity did the work). With `outage`, Acuity then answers `status` to the next
   * `requests` requests, as when it goes away right after.
   */
  loseNextAnswers(count: number, outage?: { requests: number; status: number }): void {
    for (let i = 0; i < count; i++) this.answersToLose.push({ outage });
  }

  takeLostAnswer(): boolean {
    const lost = this.answersToLose.shift();
    if (!lost) return false;
    if (lost.outage) this.failNext(lost.outage.requests, lost.outage.status);
    return true;
  }

  /**
   * Lets a request in, or returns null when it is over a limit. The returned function must
   * be called when the answer has been sent.
   */
  admit(): (() => void) | null {
    const now = this.clock();
    this.tokens = Math.min(
      this.maxPerSecond,
      this.tokens + ((now - this.lastRefill) * this.maxPerSecond) / 1000,
    );
    this.lastRefill = now;
    if (this.tokens < 1 - this.jitterSlack || this.inFlight >= this.maxConcurrent) return null;
    // May go below zero (by at most JITTER_SLACK): the early arrival is owed, not forgiven.
    this.tokens -= 1;
    this.inFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
    };
  }

  reset(): void {
    this.injected = [];
    this.answersToLose = [];
    this.delayMs = 0;
  }
}
