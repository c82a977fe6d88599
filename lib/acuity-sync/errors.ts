/** A sync that cannot complete now; the event keeps this message and is retried with backoff. */
export class SyncDeferredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncDeferredError";
  }
}

/**
 * A sync that retrying cannot fix: Acuity holds something the portal cannot record. The event
 * keeps this message — what happened and what a person should do — and is not retried; a
 * later change in Acuity brings a new webhook that tries again.
 */
export class SyncNeedsPersonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncNeedsPersonError";
  }
}
