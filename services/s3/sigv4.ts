/**
 * AWS Signature Version 4 as S3 computes it on the receiving side, with node crypto only.
 * Written out (rather than driving @smithy/signature-v4 backwards) so the verifier works
 * from the bytes that actually arrived — raw path, raw query, received headers — and the
 * AWS SDK in the tests stays an independent implementation to check it against.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ becomes %XX. */
export function awsUriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * S3 signs the path encoded exactly once. Decoding and re-encoding each segment makes the
 * comparison independent of how the client spelled optional escapes (e.g. `~` vs `%7E`).
 * Throws URIError on malformed escapes.
 */
export function canonicalUri(rawPath: string): string {
  return rawPath
    .split("/")
    .map((segment) => awsUriEncode(decodeURIComponent(segment)))
    .join("/");
}

export type QueryPair = [name: string, value: string];

/** Splits a raw query string without URLSearchParams, which would turn `+` into a space. */
export function parseRawQuery(rawQuery: string): QueryPair[] {
  if (rawQuery === "") return [];
  return rawQuery.split("&").map((part) => {
    const eq = part.indexOf("=");
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? "" : part.slice(eq + 1);
    return [decodeURIComponent(name), decodeURIComponent(value)];
  });
}

/** Sorted, re-encoded query; the signature itself is never part of what it signs. */
export function canonicalQuery(pairs: QueryPair[]): string {
  return pairs
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [awsUriEncode(name), awsUriEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an === bn ? (av < bv ? -1 : av > bv ? 1 : 0) : an < bn ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** Header value as signed: trimmed, runs of spaces collapsed. */
export function canonicalHeaderValue(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

export interface CanonicalRequestParts {
  method: string;
  rawPath: string;
  queryPairs: QueryPair[];
  /** Lower-cased names in the order of SignedHeaders, with the values that arrived. */
  signedHeaders: string[];
  headerValue: (name: string) => string | undefined;
  payloadHash: string;
}

export function buildCanonicalRequest(parts: CanonicalRequestParts): string {
  const headerLines = parts.signedHeaders
    .map((name) => `${name}:${canonicalHeaderValue(parts.headerValue(name) ?? "")}\n`)
    .join("");
  return [
    parts.method,
    canonicalUri(parts.rawPath),
    canonicalQuery(parts.queryPairs),
    headerLines,
    parts.signedHeaders.join(";"),
    parts.payloadHash,
  ].join("\n");
}

export interface CredentialScope {
  accessKeyId: string;
  date: string; // yyyymmdd
  region: string;
  service: string;
  terminator: string;
}

/** `AKID/20250101/eu-west-2/s3/aws4_request`; null when it has the wrong shape. */
export function parseCredential(credential: string): CredentialScope | null {
  const parts = credential.split("/");
  if (parts.length !== 5) return null;
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  if (!accessKeyId || !/^\d{8}$/.test(date)) return null;
  return { accessKeyId, date, region, service, terminator };
}

/** `20250101T120000Z` → Date, or null. */
export function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? null : date;
}

const sha256Hex = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

export function computeSignature(input: {
  secretAccessKey: string;
  amzDate: string;
  scope: CredentialScope;
  canonicalRequest: string;
}): string {
  const { scope } = input;
  const scopeString = [scope.date, scope.region, scope.service, scope.terminator].join("/");
  const stringToSign = [SIGV4_ALGORITHM, input.amzDate, scopeString, sha256Hex(input.canonicalRequest)].join(
    "\n",
  );
  const dateKey = hmac(`AWS4${input.secretAccessKey}`, scope.date);
  const signingKey = hmac(hmac(hmac(dateKey, scope.region), scope.service), scope.terminator);
  return createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
}

/** Constant-time comparison of two hex signatures (length leaks nothing: it is fixed). */
export function signaturesMatch(expectedHex: string, providedHex: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(providedHex)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, "hex"), Buffer.from(providedHex, "hex"));
}
