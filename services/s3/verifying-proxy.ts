/**
 * The front door of the local S3: verifies every request's SigV4 signature, answers CORS,
 * then forwards to s3rver (which checks no signatures) with the auth replaced by s3rver's
 * own dummy account — the proxy is the only thing that decides who may do what.
 */
import { createReadStream } from "node:fs";
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { abortMultipartUploadOnDisk, abortRequestTarget } from "./abort-multipart";
import { checkMultipartRequest, multipartTarget } from "./multipart-guard";
import { corsResponseHeaders, preflightHeaders, type CorsRules } from "./cors";
import { S3ProxyError, sendS3Error } from "./s3-error";
import { UNSIGNED_PAYLOAD } from "./sigv4";
import { spoolBody, type SpooledBody } from "./spool-body";
import { verifyRequest, type SigningIdentity } from "./verify-request";
import { log } from "@/lib/log";

export interface VerifyingProxyOptions {
  identity: SigningIdentity;
  cors: CorsRules;
  upstream: { host: string; port: number };
  /** Where request bodies wait while they are checked. */
  spoolDir: string;
  /** s3rver's storage root, for the operations s3rver lacks (abort multipart). */
  s3rverDirectory: string;
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "expect",
  "upgrade",
  "te",
  "trailer",
  "proxy-connection",
]);
const CLIENT_AUTH_HEADERS = new Set([
  "authorization",
  "x-amz-date",
  "x-amz-content-sha256",
  "x-amz-security-token",
]);

/** s3rver only honours response-* overrides for "authenticated" requests and only knows this key. */
function s3rverAuthHeaders(): Record<string, string> {
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=S3RVER/${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${"0".repeat(64)}`,
    "x-amz-date": amzDate,
    "x-amz-content-sha256": UNSIGNED_PAYLOAD,
  };
}

function forwardHeaders(req: IncomingMessage, body: SpooledBody | null): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name) && !CLIENT_AUTH_HEADERS.has(name) && value !== undefined) headers[name] = value;
  }
  if (body) headers["content-length"] = String(body.size);
  return { ...headers, ...s3rverAuthHeaders() };
}

function responseHeaders(upstream: IncomingMessage, cors: Record<string, string>): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    // CORS is the proxy's business alone, so s3rver's own decoration is dropped.
    if (HOP_BY_HOP.has(name) || name.startsWith("access-control-") || name === "vary" || value === undefined)
      continue;
    headers[name] = value;
  }
  return { ...headers, ...cors };
}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  options: VerifyingProxyOptions,
  forwardQuery: string,
  body: SpooledBody | null,
  cors: Record<string, string>,
) {
  const rawPath = (req.url ?? "/").split("?")[0];
  const upstreamReq = http.request({
    // A fresh local connection each time: a pooled one that s3rver closed while idle would
    // reset the request it was reused for (seen as ECONNRESET on a loaded machine).
    agent: false,
    host: options.upstream.host,
    port: options.upstream.port,
    method: req.method,
    path: forwardQuery ? `${rawPath}?${forwardQuery}` : rawPath,
    headers: forwardHeaders(req, body),
  });
  const responded = new Promise<void>((resolve, reject) => {
    upstreamReq.on("error", reject);
    upstreamReq.on("response", (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, responseHeaders(upstream, cors));
      pipeline(upstream, res).then(resolve, reject);
    });
  });
  if (body?.file) await pipeline(createReadStream(body.file), upstreamReq);
  else upstreamReq.end();
  await responded;
}

export function createVerifyingProxy(options: VerifyingProxyOptions): http.Server {
  const server = http.createServer((req, res) => {
    const cors = corsResponseHeaders(options.cors, req);
    const resource = (req.url ?? "/").split("?")[0] ?? "/";
    let body: SpooledBody | null = null;
    const handle = async () => {
      if (req.method === "OPTIONS") {
        res.writeHead(200, preflightHeaders(options.cors, req));
        res.end();
        return;
      }
      const verified = verifyRequest(req, options.identity);
      const abort = abortRequestTarget(req.method, resource, verified.forwardQuery);
      if (abort) {
        await abortMultipartUploadOnDisk(options.s3rverDirectory, abort);
        res.writeHead(204, cors);
        res.end();
        return;
      }
      const spooled = await spoolBody(req, verified.payloadHash, options.spoolDir);
      body = spooled;
      const multipart = multipartTarget(req.method, resource, verified.forwardQuery);
      if (multipart) await checkMultipartRequest(options.s3rverDirectory, multipart, spooled?.file ?? null);
      await forward(req, res, options, verified.forwardQuery, body, cors);
    };
    handle()
      .catch((error: unknown) => {
        // A rejected body is discarded rather than left half-read on a keep-alive socket.
        req.resume();
        const s3Error =
          error instanceof S3ProxyError
            ? error
            : new S3ProxyError(500, "InternalError", "We encountered an internal error. Please try again.");
        if (!(error instanceof S3ProxyError))
          log.error({ err: error }, "local S3 proxy: a request failed unexpectedly");
        sendS3Error(res, s3Error, resource, cors);
      })
      .finally(() => (body as SpooledBody | null)?.discard());
  });
  // Clients keep a connection until 1 s before the server's advertised keep-alive timeout; with
  // Node's 5 s default, an event loop lagging over a second (a busy machine) sent a request down
  // a socket the proxy had just closed — ECONNRESET. Idle connections live for two minutes here.
  server.keepAliveTimeout = 120_000;
  return server;
}
