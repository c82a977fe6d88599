import { HeadObjectCommand } from "@aws-sdk/client-s3";
import { getStorage, type Storage } from "./client";

export interface StoredObjectInfo {
  size: number;
  contentType: string | null;
  etag: string | null;
}

/** What really landed under a key — for the confirm step — or null when nothing did. */
export async function headObject(
  key: string,
  storage: Storage = getStorage(),
): Promise<StoredObjectInfo | null> {
  try {
    const head = await storage.client.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? null, etag: head.ETag ?? null };
  } catch (error) {
    // HEAD responses have no body, so a missing key shows up only as a 404 status.
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
    throw error;
  }
}
