import { afterEach, vi } from "vitest";

/**
 * What the portal's logger (lib/log, writing to stdout) writes during each test of the calling
 * file, as text — whichever LOG_FORMAT is in force. Captured, not echoed; cleared after each test.
 */
export function captureServerLog(): () => string {
  const written: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  });
  afterEach(() => {
    written.length = 0;
  });
  return () => written.join("");
}
