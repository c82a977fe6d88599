/**
 * Reads a request body to a temporary file before anything is forwarded. s3rver writes
 * uploads straight onto the object's path, so a body that turns out wrong (too long, cut
 * off, wrong hash) must never reach it: real S3 never exposes half an object. Disk, not
 * memory, so a 500 MB upload costs no RAM.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { randomUUID } from "node:crypto";
import { badRequest, S3ProxyError } from "./s3-error";
import { UNSIGNED_PAYLOAD } from "./sigv4";

export interface SpooledBody {
  /** null for an empty body. */
  file: string | null;
  size: number;
  discard: () => Promise<void>;
}

class BodyTooLarge extends Error {}

/** null when the request has no body at all (GET, HEAD, DELETE). */
export async function spoolBody(
  req: IncomingMessage,
  payloadHash: string,
  spoolDir: string,
): Promise<SpooledBody | null> {
  const declared = req.headers["content-length"];
  if (req.headers["transfer-encoding"] !== undefined) {
    // Without a declared length there is nothing the signature binds the size to.
    throw new S3ProxyError(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
  }
  if (declared === undefined) return null;
  const expected = Number(declared);
  if (expected === 0) return { file: null, size: 0, discard: async () => {} };

  const file = path.join(spoolDir, randomUUID());
  const discard = () => rm(file, { force: true });
  const hash = payloadHash === UNSIGNED_PAYLOAD ? null : createHash("sha256");
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      // Node's parser already stops at Content-Length; this guards any path where it would not.
      if (received > expected) return callback(new BodyTooLarge());
      hash?.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(file));
  } catch (error) {
    await discard();
    if (error instanceof BodyTooLarge) {
      throw badRequest(
        "MaxMessageLengthExceeded",
        "The request body is larger than the signed Content-Length.",
      );
    }
    throw badRequest("IncompleteBody", "The request body was cut off before Content-Length bytes arrived.");
  }
  if (received !== expected) {
    await discard();
    throw badRequest(
      "IncompleteBody",
      "You did not provide the number of bytes specified by the Content-Length HTTP header.",
    );
  }
  if (hash && hash.digest("hex") !== payloadHash) {
    await discard();
    throw badRequest(
      "XAmzContentSHA256Mismatch",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  }
  return { file, size: received, discard };
}
