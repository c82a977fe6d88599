/**
 * Decides whether a request is signed by the configured key — header auth (SDK calls) or
 * presigned query auth (browser uploads/downloads) — the way S3 does. Throws S3ProxyError.
 */
import type { IncomingMessage } from "node:http";
import { accessDenied, badRequest, S3ProxyError, signatureDoesNotMatch } from "./s3-error";
import {
  buildCanonicalRequest,
  computeSignature,
  parseAmzDate,
  parseCredential,
  parseRawQuery,
  signaturesMatch,
  SIGV4_ALGORITHM,
  UNSIGNED_PAYLOAD,
  type CredentialScope,
  type QueryPair,
} from "./sigv4";

export interface SigningIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface VerifiedRequest {
  /** UNSIGNED-PAYLOAD, or the hex SHA-256 the body must hash to. */
  payloadHash: string;
  /** Query without the auth parameters, ready to forward upstream. */
  forwardQuery: string;
}

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;
const QUERY_AUTH_PARAMS = new Set([
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
  "X-Amz-Security-Token",
  "X-Amz-Content-Sha256",
]);

interface AuthFields {
  amzDate: string;
  credential: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
}

function fromAuthorizationHeader(req: IncomingMessage, header: string): AuthFields {
  const malformed = () =>
    badRequest(
      "AuthorizationHeaderMalformed",
      "The authorization header is malformed; it requires Credential, SignedHeaders and Signature.",
    );
  if (!header.startsWith(`${SIGV4_ALGORITHM} `))
    throw badRequest("InvalidArgument", "Unsupported Authorization Type");
  const fields = new Map(
    header
      .slice(SIGV4_ALGORITHM.length + 1)
      .split(",")
      .map((part) => {
        const [name, ...rest] = part.trim().split("=");
        return [name ?? "", rest.join("=")] as const;
      }),
  );
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!credential || !signedHeaders || !signature) throw malformed();

  const amzDate = req.headers["x-amz-date"];
  if (typeof amzDate !== "string")
    throw accessDenied("AWS authentication requires a valid Date or x-amz-date header");
  const when = parseAmzDate(amzDate);
  if (!when) throw accessDenied("AWS authentication requires a valid Date or x-amz-date header");
  if (Math.abs(Date.now() - when.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw new S3ProxyError(
      403,
      "RequestTimeTooSkewed",
      "The difference between the request time and the current time is too large.",
    );
  }

  const payloadHash = req.headers["x-amz-content-sha256"];
  if (typeof payloadHash !== "string")
    throw badRequest("InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
  // Streaming (aws-chunked) payloads would need chunk-signature decoding; nothing here sends them.
  if (payloadHash !== UNSIGNED_PAYLOAD && !/^[0-9a-f]{64}$/.test(payloadHash)) {
    throw new S3ProxyError(
      501,
      "NotImplemented",
      `x-amz-content-sha256 value ${payloadHash} is not supported by the local S3`,
    );
  }
  return { amzDate, credential, signedHeaders: signedHeaders.split(";"), signature, payloadHash };
}

function fromQuery(query: QueryPair[]): AuthFields {
  const get = (name: string) => query.find(([n]) => n === name)?.[1];
  const missing = () =>
    badRequest(
      "AuthorizationQueryParametersError",
      "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
    );
  if (get("X-Amz-Algorithm") !== SIGV4_ALGORITHM) {
    throw badRequest(
      "AuthorizationQueryParametersError",
      `X-Amz-Algorithm only supports "${SIGV4_ALGORITHM}"`,
    );
  }
  const [credential, amzDate, expires, signedHeaders, signature] = [
    get("X-Amz-Credential"),
    get("X-Amz-Date"),
    get("X-Amz-Expires"),
    get("X-Amz-SignedHeaders"),
    get("X-Amz-Signature"),
  ];
  if (!credential || !amzDate || !expires || !signedHeaders || !signature) throw missing();

  const when = parseAmzDate(amzDate);
  if (!when)
    throw badRequest(
      "AuthorizationQueryParametersError",
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
    );
  if (!/^\d+$/.test(expires) || Number(expires) > MAX_PRESIGN_SECONDS) {
    throw badRequest(
      "AuthorizationQueryParametersError",
      "X-Amz-Expires must be a number of seconds, at most 604800 (seven days)",
    );
  }
  const now = Date.now();
  if (now > when.getTime() + Number(expires) * 1000) throw accessDenied("Request has expired");
  if (when.getTime() - now > MAX_CLOCK_SKEW_MS) throw accessDenied("Request is not valid yet");
  // Presigned URLs carry no body hash; S3 treats them as UNSIGNED-PAYLOAD.
  const payloadHash = get("X-Amz-Content-Sha256") ?? UNSIGNED_PAYLOAD;
  return { amzDate, credential, signedHeaders: signedHeaders.split(";"), signature, payloadHash };
}

function checkScope(
  scope: CredentialScope | null,
  auth: AuthFields,
  identity: SigningIdentity,
): CredentialScope {
  if (!scope)
    throw badRequest(
      "AuthorizationHeaderMalformed",
      `Error parsing the X-Amz-Credential parameter: ${auth.credential}`,
    );
  if (scope.accessKeyId !== identity.accessKeyId) {
    throw new S3ProxyError(
      403,
      "InvalidAccessKeyId",
      "The AWS Access Key Id you provided does not exist in our records.",
    );
  }
  if (
    scope.date !== auth.amzDate.slice(0, 8) ||
    scope.service !== "s3" ||
    scope.terminator !== "aws4_request"
  ) {
    throw badRequest(
      "AuthorizationHeaderMalformed",
      "The credential scope does not match the request date or service.",
    );
  }
  if (scope.region !== identity.region) {
    throw badRequest(
      "AuthorizationHeaderMalformed",
      `The region '${scope.region}' is wrong; expecting '${identity.region}'`,
    );
  }
  return scope;
}

/** Every signed header must have arrived, and every x-amz-* header that arrived must be signed. */
function checkHeaderCoverage(req: IncomingMessage, signedHeaders: string[]) {
  if (!signedHeaders.includes("host")) {
    throw badRequest("AuthorizationHeaderMalformed", "Host must be among the signed headers.");
  }
  const signed = new Set(signedHeaders);
  const unsigned = Object.keys(req.headers).filter((name) => name.startsWith("x-amz-") && !signed.has(name));
  if (unsigned.length)
    throw accessDenied(
      `There were headers present in the request which were not signed: ${unsigned.join(", ")}`,
    );
  if (signedHeaders.some((name) => req.headers[name] === undefined)) throw signatureDoesNotMatch();
}

export function verifyRequest(req: IncomingMessage, identity: SigningIdentity): VerifiedRequest {
  const rawUrl = req.url ?? "/";
  const q = rawUrl.indexOf("?");
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q === -1 ? "" : rawUrl.slice(q + 1);
  let queryPairs: QueryPair[];
  try {
    queryPairs = parseRawQuery(rawQuery);
  } catch {
    throw badRequest("InvalidURI", "Couldn't parse the specified URI.");
  }

  const header = req.headers.authorization;
  const hasQueryAuth = queryPairs.some(([n]) => n === "X-Amz-Algorithm" || n === "X-Amz-Signature");
  if (header && hasQueryAuth) throw badRequest("InvalidArgument", "Only one auth mechanism allowed");
  // The bucket is private: anonymous requests get what S3 gives them.
  if (!header && !hasQueryAuth) throw accessDenied();

  const auth = header ? fromAuthorizationHeader(req, header) : fromQuery(queryPairs);
  const scope = checkScope(parseCredential(auth.credential), auth, identity);
  checkHeaderCoverage(req, auth.signedHeaders);

  let canonicalRequest: string;
  try {
    canonicalRequest = buildCanonicalRequest({
      method: req.method ?? "GET",
      rawPath,
      queryPairs,
      signedHeaders: auth.signedHeaders,
      headerValue: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(",") : value;
      },
      payloadHash: auth.payloadHash,
    });
  } catch {
    throw badRequest("InvalidURI", "Couldn't parse the specified URI.");
  }
  const expected = computeSignature({
    secretAccessKey: identity.secretAccessKey,
    amzDate: auth.amzDate,
    scope,
    canonicalRequest,
  });
  if (!signaturesMatch(expected, auth.signature)) throw signatureDoesNotMatch();

  const forwardQuery = rawQuery
    .split("&")
    .filter((part) => part !== "" && !QUERY_AUTH_PARAMS.has(decodeURIComponent(part.split("=")[0] ?? "")))
    .join("&");
  return { payloadHash: auth.payloadHash, forwardQuery };
}
