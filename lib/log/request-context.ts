import type { IncomingMessage, ServerResponse } from "node:http";
import { runWithLogContext } from "./context";
import { acceptRequestId, REQUEST_ID_HEADER } from "./request-id";

/**
 * Path segments that are secrets in themselves (an invitation id is the invitation): the route a
 * log line names shows the segment's name instead.
 */
const SECRET_SEGMENTS: [RegExp, string][] = [[/^\/accept-invitation\/[^/]+/, "/accept-invitation/[id]"]];

/** `METHOD /path` for the log: no query string (it can carry tokens), secret segments named. */
export function routeOf(req: Pick<IncomingMessage, "method" | "url">): string {
  let path = (req.url ?? "/").split("?", 1)[0]!.slice(0, 200);
  for (const [pattern, replacement] of SECRET_SEGMENTS) path = path.replace(pattern, replacement);
  return `${req.method ?? "GET"} ${path}`;
}

/**
 * What the portal server does around every request: its id — the proxy's `x-request-id` when
 * sane, else a new one — is put on the request's headers (so Next code reads the one id) and on
 * the response, and the handler runs with it in the log context, so every line the request
 * writes names it. Called before anything else answers, so every response carries the header.
 */
export function withRequestContext<T>(req: IncomingMessage, res: ServerResponse, handle: () => T): T {
  const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  return runWithLogContext({ requestId, route: routeOf(req) }, handle);
}
