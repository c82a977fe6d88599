import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// What proxies send (UUIDs, hex trace ids, AWS's `Root=1-…;Parent=…`), and nothing that could
// forge a log line or carry a payload: bounded length, no spaces, quotes or control characters.
const SANE_REQUEST_ID = /^[\w.:;=+/-]{1,128}$/;

/** The proxy's request id when it is one value and sane, else a new one. */
export function acceptRequestId(given: string | string[] | undefined | null): string {
  return typeof given === "string" && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
