/**
 * The transport every Acuity call goes through: basic auth, a timeout per attempt, the
 * process-wide limiter, retries for reads (and for anything refused with 429), and zod parsing
 * of every answer.
 */
import type { z } from "zod";
import { DEFAULT_ACUITY_TIMEOUT_MS, type AcuityConfig } from "./config";
import { AcuityResponseError, acuityErrorFromNetworkFailure, acuityErrorFromResponse } from "./errors";
import { sharedAcuityLimiter, type RequestLimiter } from "./rate-limiter";

export interface AcuityTransportOptions {
  config: AcuityConfig;
  limiter?: RequestLimiter;
  /** Extra attempts after the first one: reads, and any request refused with 429. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  /** Longest we wait between attempts; a longer Retry-After means "give up now". */
  retryMaxDelayMs?: number;
  fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | undefined;

export interface AcuityRequest<T> {
  method: "GET" | "POST" | "PUT";
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
}

export type AcuityTransport = <T>(request: AcuityRequest<T>) => Promise<T>;

/**
 * POSTs that only ask a question (check-times books nothing), so sending one twice is as
 * harmless as repeating a GET.
 */
const READ_ONLY_POSTS = new Set(["/availability/check-times"]);

/** Whether a request may be sent again after a 5xx or a network failure. */
function isRetryableRead(request: Pick<AcuityRequest<unknown>, "method" | "path">): boolean {
  return request.method === "GET" || (request.method === "POST" && READ_ONLY_POSTS.has(request.path));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** Retry-After in ms (delta-seconds or an HTTP date), or null when absent/unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Exponential backoff with jitter, so many waiting callers don't come back in lockstep. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createAcuityTransport(options: AcuityTransportOptions): AcuityTransport {
  const { config } = options;
  const limiter = options.limiter ?? sharedAcuityLimiter();
  const maxRetries = options.maxRetries ?? 3;
  const baseDelay = options.retryBaseDelayMs ?? 250;
  const maxDelay = options.retryMaxDelayMs ?? 8_000;
  const timeoutMs = config.timeoutMs ?? DEFAULT_ACUITY_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const authorization = `Basic ${Buffer.from(`${config.userId}:${config.apiKey}`).toString("base64")}`;

  return async function send<T>(request: AcuityRequest<T>): Promise<T> {
    const url = buildUrl(config.baseUrl, request.path, request.query);
    // Only reads are repeated: a retried booking, reschedule or cancel could happen twice.
    const retryable = isRetryableRead(request);
    const headers: Record<string, string> = { Authorization: authorization, Accept: "application/json" };
    if (request.body !== undefined) headers["Content-Type"] = "application/json";

    for (let attempt = 0; ; attempt++) {
      const release = await limiter.acquire();
      let status: number;
      let retryAfter: string | null;
      let body: unknown;
      try {
        const response = await doFetch(url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        retryAfter = response.headers.get("retry-after");
        body = parseJson(await response.text());
      } catch (error) {
        release();
        if (retryable && attempt < maxRetries) {
          await sleep(backoffDelay(attempt, baseDelay, maxDelay));
          continue;
        }
        throw acuityErrorFromNetworkFailure(error);
      }
      release();

      if (status >= 200 && status < 300) {
        const parsed = request.schema.safeParse(body);
        if (parsed.success) return parsed.data;
        throw new AcuityResponseError({
          status,
          code: "invalid_response",
          message: `Unexpected answer from ${request.method} ${request.path}: ${parsed.error.message}`,
          cause: parsed.error,
        });
      }

      // A 429 means Acuity refused before doing anything, so even a booking may be sent again.
      if (attempt < maxRetries && (status === 429 || (retryable && status >= 500))) {
        const delay = parseRetryAfter(retryAfter) ?? backoffDelay(attempt, baseDelay, maxDelay);
        if (delay <= maxDelay) {
          await sleep(delay);
          continue;
        }
      }
      throw acuityErrorFromResponse(status, body);
    }
  };
}
