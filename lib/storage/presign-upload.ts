import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { getStorage, type Storage } from "./client";

/** Long enough to start a large upload on a slow line; S3 checks expiry only at the start. */
export const UPLOAD_URL_TTL_SECONDS = 5 * 60;

/**
 * Content type and length are part of the signature: the browser can upload exactly the
 * file that was validated, and S3 refuses anything else with 403.
 */
export const BOUND_UPLOAD_HEADERS = new Set(["content-type", "content-length"]);

export interface PresignedUpload {
  url: string;
  method: "PUT";
  /** Headers the browser must send as-is (it sets Content-Length itself from the body). */
  headers: { "Content-Type": string };
  expiresAt: Date;
}

export async function presignUpload(
  input: { key: string; contentType: string; contentLength: number; expiresInSeconds?: number },
  storage: Storage = getStorage(),
): Promise<PresignedUpload> {
  const expiresIn = input.expiresInSeconds ?? UPLOAD_URL_TTL_SECONDS;
  const command = new PutObjectCommand({
    Bucket: storage.bucket,
    Key: input.key,
    ContentType: input.contentType,
    ContentLength: input.contentLength,
  });
  const url = await getSignedUrl(storage.client, command, {
    expiresIn,
    signableHeaders: BOUND_UPLOAD_HEADERS,
  });
  return {
    url,
    method: "PUT",
    headers: { "Content-Type": input.contentType },
    expiresAt: new Date(Date.now() + expiresIn * 1000),
  };
}
