/**
 * An Error given to `AbortController.abort()` has its stack written out as text at once, so its
 * frames — and everything their `this` reaches — live no longer than the abort itself.
 *
 * Why: React's server renderer ends every successful render by aborting the render's cache signal
 * with a new Error ("This render completed successfully…"). V8 keeps an Error's stack as frames
 * until somebody reads `.stack`, and a frame holds its receiver: here the timer (Immediate) the
 * render's last step ran in, whose queue link reaches the next timers, their requests' React state,
 * those renders' abort reasons, and on. Anything long-lived made during a render (a module's
 * top-level promise, a connection) anchored the whole chain: a fresh portal server kept 150–270 MB
 * of heap after a forced GC following 2,000 `/bookings` pages, the responses of 1,984 of them
 * among it (issue 14; heap snapshots' retainer paths). Reading `.stack` turns the frames into
 * text and lets them go. React has an open change that stops capturing this stack (react#37289;
 * the symptom: vercel/next.js#84648) — remove this once the React inside Next has it.
 *
 * Installed once per process by the portal server before Next loads (scripts/portal-server.ts).
 */
const INSTALLED = Symbol.for("ime.abortReasonStacksWritten");

export function writeAbortReasonStacksAtOnce(): void {
  const prototype = AbortController.prototype as AbortController & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const abort = prototype.abort;
  Object.defineProperty(prototype, "abort", {
    configurable: true,
    writable: true,
    value: function abortWithWrittenStack(this: AbortController, reason?: unknown) {
      // The getter formats the stack once and keeps the text; the frames are dropped.
      if (reason instanceof Error) void reason.stack;
      return abort.call(this, reason);
    },
  });
  Object.defineProperty(prototype, INSTALLED, { value: true });
}
