import { and, asc, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { pendingUploads } from "@/db/schema";
import { redactError } from "@/lib/errors/redact-error";
import { getStorage, type Storage } from "@/lib/storage/client";
import { deleteObject } from "@/lib/storage/delete-object";
import { confirmedDocumentKey } from "@/lib/storage/keys";
import { abortMultipartUpload } from "@/lib/storage/multipart";

/** Signed URLs live minutes; a day leaves room for a slow multipart upload and its confirm. */
export const UNCONFIRMED_UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH_SIZE = 100;

export interface CleanupResult {
  deleted: number;
  failed: { pendingUploadId: string; error: string }[];
}

const isNoSuchUpload = (error: unknown) => (error as { name?: string }).name === "NoSuchUpload";

/**
 * Deletes what was signed but never confirmed and is older than `maxAgeMs`: the object
 * (and, for multipart uploads, the stored parts) first, then the pending row — so a crash
 * in between leaves a row that the next run retries, never an object nobody knows about.
 * Each row is locked while it goes (SKIP LOCKED), so a confirm running at that moment either
 * finishes first and keeps its file, or finds the upload gone. Confirmed documents have no
 * pending row and are never touched.
 */
export async function cleanupUnconfirmedUploads(
  db: Database,
  options: { now?: Date; maxAgeMs?: number; storage?: Storage } = {},
): Promise<CleanupResult> {
  const storage = options.storage ?? getStorage();
  const cutoff = new Date(
    (options.now ?? new Date()).getTime() - (options.maxAgeMs ?? UNCONFIRMED_UPLOAD_MAX_AGE_MS),
  );
  const result: CleanupResult = { deleted: 0, failed: [] };
  const passedOver = new Set<string>();

  for (;;) {
    const stale = await db
      .select()
      .from(pendingUploads)
      .where(lt(pendingUploads.createdAt, cutoff))
      .orderBy(asc(pendingUploads.createdAt))
      .limit(BATCH_SIZE + passedOver.size);
    const batch = stale.filter((row) => !passedOver.has(row.id));
    if (batch.length === 0) return result;

    for (const row of batch) {
      try {
        const deleted = await db.transaction(async (tx) => {
          const [locked] = await tx
            .select()
            .from(pendingUploads)
            .where(and(eq(pendingUploads.id, row.id), lt(pendingUploads.createdAt, cutoff)))
            .for("update", { skipLocked: true });
          if (!locked) return false;
          if (locked.multipartUploadId) {
            await abortMultipartUpload(
              { key: locked.s3Key, uploadId: locked.multipartUploadId },
              storage,
            ).catch((error: unknown) => {
              if (!isNoSuchUpload(error)) throw error;
            });
          }
          await deleteObject(locked.s3Key, storage);
          // A confirm that copied the bytes and then rolled back left them at the document key.
          await deleteObject(confirmedDocumentKey(locked.s3Key, locked.id), storage);
          await tx.delete(pendingUploads).where(eq(pendingUploads.id, locked.id));
          return true;
        });
        if (deleted) result.deleted += 1;
        else passedOver.add(row.id); // being confirmed right now: not this run's business
      } catch (error) {
        passedOver.add(row.id);
        // Printed and logged: a database error's message would carry its statement and parameters.
        result.failed.push({ pendingUploadId: row.id, error: redactError(error, { frames: 0 }) });
      }
    }
  }
}
