/**
 * The headers every response carries (issue 17, "hardened responses"). Two layers set them:
 * the portal's request listener (scripts/portal-request-listener.ts) puts the common ones and a
 * closed policy for data (`default-src 'none'`) on every response — route handlers, Next's
 * assets, the webhook fast path; the proxy (proxy.ts) replaces the policy of pages with one
 * built around a fresh nonce per request, which Next then puts on its own scripts.
 */
import { config, type Config } from "@/lib/config";

/** What a JSON answer, a download or an asset needs: nothing may load, nothing may frame it. */
export const CLOSED_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Two years, with subdomains: the value HSTS preload lists ask for. */
const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Features the portal never uses, off for it and anything it could embed. */
const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");

/** The nonce of a page request's policy, for a server component that renders its own <script> (`headers()`). */
export const NONCE_HEADER = "x-nonce";

/** A nonce: 16 random bytes, base64 — unguessable, and new for every page response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Where browsers send uploads and downloads directly (presigned URLs): the S3 endpoint's
 * origin, or AWS's own addresses for the bucket's region when no endpoint is set.
 */
export function objectStoreOrigins(
  values: Pick<Config, "S3_ENDPOINT" | "S3_BUCKET" | "S3_REGION">,
): string[] {
  if (values.S3_ENDPOINT) return [new URL(values.S3_ENDPOINT).origin];
  if (!values.S3_BUCKET) return [];
  const region = values.S3_REGION;
  return [`https://${values.S3_BUCKET}.s3.${region}.amazonaws.com`, `https://s3.${region}.amazonaws.com`];
}

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev`: React's development build needs eval (stack traces, hot reload). */
  development: boolean;
  objectStoreOrigins: string[];
}

/**
 * A page's policy. Scripts: only those carrying this response's nonce, and what they load
 * ('strict-dynamic') — no 'unsafe-inline'. Styles keep 'unsafe-inline': React writes `style`
 * attributes (progress bars) and a nonce cannot cover attributes; a style cannot run code.
 * Images may be data: URLs (the two-factor QR code) and blobs.
 */
export function pageContentSecurityPolicy({ nonce, development, objectStoreOrigins }: PagePolicyOptions) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...objectStoreOrigins].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** The page policy for this request, from the configuration. */
export function pagePolicyFor(nonce: string, values: Config = config()): string {
  return pageContentSecurityPolicy({
    nonce,
    development: values.NODE_ENV === "development",
    objectStoreOrigins: objectStoreOrigins(values),
  });
}

/**
 * The headers besides the policy, on every response. HSTS only in production behind an https
 * address (BETTER_AUTH_URL): sent over plain http it would be ignored, and on a developer's
 * localhost it would pin https for every other local app.
 */
export function commonSecurityHeaders(values: Pick<Config, "NODE_ENV" | "BETTER_AUTH_URL"> = config()) {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // frame-ancestors 'none' says it for current browsers; this for the ones before CSP 2.
    "X-Frame-Options": "DENY",
  };
  if (values.NODE_ENV === "production" && values.BETTER_AUTH_URL.startsWith("https://"))
    headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}
