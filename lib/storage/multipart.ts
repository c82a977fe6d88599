/**
 * Multipart uploads for big files: the server creates the upload and signs one URL per
 * part (each bound to its exact length); the browser PUTs parts in parallel and reports
 * each part's ETag back; the server completes (or aborts) the upload.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { getStorage, type Storage } from "./client";

/** Above this, a single PUT is one long request that restarts from zero if it drops. */
export const MULTIPART_THRESHOLD_BYTES = 64 * 1024 * 1024;
/** S3 needs ≥ 5 MiB per part (but the last) and ≤ 10,000 parts; 16 MiB gives ~32 parts at 500 MB. */
export const MULTIPART_PART_SIZE_BYTES = 16 * 1024 * 1024;
const MIN_PART_SIZE_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;
/** Parts start one after another over a long upload; S3 checks expiry when each one starts. */
export const PART_URL_TTL_SECONDS = 30 * 60;

export const shouldUseMultipart = (size: number) => size > MULTIPART_THRESHOLD_BYTES;

export interface PlannedPart {
  partNumber: number;
  offset: number;
  size: number;
}

/** How a file of `size` bytes is cut into parts (part numbers start at 1). */
export function planParts(size: number, partSize: number = MULTIPART_PART_SIZE_BYTES): PlannedPart[] {
  if (!Number.isSafeInteger(size) || size <= 0) throw new Error("A multipart upload needs a positive size");
  if (partSize < MIN_PART_SIZE_BYTES) throw new Error("Parts must be at least 5 MiB");
  const count = Math.ceil(size / partSize);
  if (count > MAX_PARTS) throw new Error("Too many parts; use a bigger part size");
  return Array.from({ length: count }, (_, i) => ({
    partNumber: i + 1,
    offset: i * partSize,
    size: Math.min(partSize, size - i * partSize),
  }));
}

export async function createMultipartUpload(
  input: { key: string; contentType: string },
  storage: Storage = getStorage(),
): Promise<{ uploadId: string }> {
  const result = await storage.client.send(
    new CreateMultipartUploadCommand({
      Bucket: storage.bucket,
      Key: input.key,
      ContentType: input.contentType,
    }),
  );
  if (!result.UploadId) throw new Error("S3 did not return an upload id");
  return { uploadId: result.UploadId };
}

export interface PresignedPart {
  partNumber: number;
  size: number;
  url: string;
}

export async function presignUploadParts(
  input: {
    key: string;
    uploadId: string;
    parts: { partNumber: number; size: number }[];
    expiresInSeconds?: number;
  },
  storage: Storage = getStorage(),
): Promise<PresignedPart[]> {
  const expiresIn = input.expiresInSeconds ?? PART_URL_TTL_SECONDS;
  return Promise.all(
    input.parts.map(async ({ partNumber, size }) => {
      const command = new UploadPartCommand({
        Bucket: storage.bucket,
        Key: input.key,
        UploadId: input.uploadId,
        PartNumber: partNumber,
        ContentLength: size,
      });
      // The length is signed so a part can't be swapped for a bigger body.
      const url = await getSignedUrl(storage.client, command, {
        expiresIn,
        signableHeaders: new Set(["content-length"]),
      });
      return { partNumber, size, url };
    }),
  );
}

export async function completeMultipartUpload(
  input: { key: string; uploadId: string; parts: { partNumber: number; etag: string }[] },
  storage: Storage = getStorage(),
): Promise<void> {
  const parts = [...input.parts].sort((a, b) => a.partNumber - b.partNumber);
  await storage.client.send(
    new CompleteMultipartUploadCommand({
      Bucket: storage.bucket,
      Key: input.key,
      UploadId: input.uploadId,
      MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
    }),
  );
}

/** Frees the stored parts of an upload that will not be completed. */
export async function abortMultipartUpload(
  input: { key: string; uploadId: string },
  storage: Storage = getStorage(),
): Promise<void> {
  await storage.client.send(
    new AbortMultipartUploadCommand({ Bucket: storage.bucket, Key: input.key, UploadId: input.uploadId }),
  );
}
