/** A sync that cannot complete now; the event keeps this message and is retried with backoff. */
export class SyncDeferredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncDeferredError";
  }
}
