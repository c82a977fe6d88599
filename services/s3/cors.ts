/**
 * CORS for the local S3. Browsers PUT/GET presigned URLs directly, so the proxy answers
 * preflights itself (they carry no signature) and decorates every other response. The same
 * rules are also stored as the bucket's CORS configuration so GetBucketCors tells the truth.
 */
import type { IncomingMessage } from "node:http";
import { S3ProxyError } from "./s3-error";

export const CORS_ALLOWED_METHODS = ["GET", "PUT", "HEAD", "POST"] as const;
/** Request headers a page may send; x-amz-* covers checksum/metadata headers the SDK might add. */
const ALLOWED_HEADER_PATTERNS = [
  /^content-type$/,
  /^content-md5$/,
  /^content-disposition$/,
  /^cache-control$/,
  /^x-amz-[a-z0-9-]+$/,
];
const EXPOSED_HEADERS = ["ETag"];
const MAX_AGE_SECONDS = 3000;
const VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

export interface CorsRules {
  allowedOrigins: string[];
}

const originAllowed = (rules: CorsRules, origin: string | undefined): origin is string =>
  origin !== undefined && rules.allowedOrigins.includes(origin);

/** Headers to add to a non-preflight response (none when the origin is not allowed). */
export function corsResponseHeaders(rules: CorsRules, req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!originAllowed(rules, origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Expose-Headers": EXPOSED_HEADERS.join(", "),
    Vary: VARY,
  };
}

/** Answers an OPTIONS preflight: the headers of a 200, or an S3-style CORSResponse error. */
export function preflightHeaders(rules: CorsRules, req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  const method = req.headers["access-control-request-method"];
  if (!origin)
    throw new S3ProxyError(400, "BadRequest", "Insufficient information. Origin request header needed.");
  if (!method) throw new S3ProxyError(400, "BadRequest", "Invalid Access-Control-Request-Method: null");
  const requested = (req.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const allowed =
    originAllowed(rules, origin) &&
    (CORS_ALLOWED_METHODS as readonly string[]).includes(method) &&
    requested.every((h) => ALLOWED_HEADER_PATTERNS.some((p) => p.test(h)));
  if (!allowed) {
    throw new S3ProxyError(
      403,
      "CORSResponse",
      "This CORS request is not allowed. This is usually because the evaluation of Origin, request method / " +
        "Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
    );
  }
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": CORS_ALLOWED_METHODS.join(", "),
    ...(requested.length ? { "Access-Control-Allow-Headers": requested.join(", ") } : {}),
    "Access-Control-Expose-Headers": EXPOSED_HEADERS.join(", "),
    "Access-Control-Max-Age": String(MAX_AGE_SECONDS),
    Vary: VARY,
  };
}

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same rules as an S3 CORSConfiguration document, for the bucket itself. */
export function corsConfigurationXml(rules: CorsRules): string {
  const origins = rules.allowedOrigins.map((o) => `<AllowedOrigin>${escapeXml(o)}</AllowedOrigin>`).join("");
  const methods = CORS_ALLOWED_METHODS.map((m) => `<AllowedMethod>${m}</AllowedMethod>`).join("");
  const exposed = EXPOSED_HEADERS.map((h) => `<ExposeHeader>${h}</ExposeHeader>`).join("");
  return (
    `<CORSConfiguration><CORSRule>${origins}${methods}<AllowedHeader>*</AllowedHeader>${exposed}` +
    `<MaxAgeSeconds>${MAX_AGE_SECONDS}</MaxAgeSeconds></CORSRule></CORSConfiguration>`
  );
}
