import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getStorage, type Storage } from "./client";

/**
 * Bytes `start`..`end` (inclusive, as HTTP ranges count) of a stored object, with one ranged
 * GET — the confirm step reads a file's first bytes this way instead of downloading all of it.
 */
export async function readObjectRange(
  key: string,
  range: { start: number; end: number },
  storage: Storage = getStorage(),
): Promise<Uint8Array> {
  const object = await storage.client.send(
    new GetObjectCommand({ Bucket: storage.bucket, Key: key, Range: `bytes=${range.start}-${range.end}` }),
  );
  if (!object.Body) return new Uint8Array();
  return object.Body.transformToByteArray();
}
