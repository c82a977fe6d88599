import { createCipheriv, createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { cancelUpload } from "@/lib/documents/cancel-upload";
import { completeMultipart } from "@/lib/documents/complete-multipart";
import { requestDownload } from "@/lib/documents/request-download";
import { requestUpload, type UploadPlan } from "@/lib/documents/request-upload";
import {
  completeMultipartInput,
  pendingUploadInput,
  requestDownloadInput,
  requestUploadInput,
} from "@/lib/documents/schemas";
import { headObject } from "@/lib/storage/head-object";
import { abortMultipartUpload } from "@/lib/storage/multipart";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { m4aFile } from "../support/real-file-samples";
import { startTestS3, type TestS3 } from "./storage-test-s3";
import {
  actAs,
  documentAuditRows,
  documentRowsFor,
  pendingRowsFor,
  putTo,
  unwrap,
} from "./documents-test-support";

let s3: TestS3;
let bookingIds: Record<BookingKey, string>;
let specialist: Actor;
beforeAll(async () => {
  s3 = await startTestS3();
  let id: IdOf;
  ({ id, bookingIds } = await insertAuthzWorld());
  specialist = buildActors(id).specialistS1;
});
afterAll(async () => {
  await s3?.stop();
});

const FILE_SIZE = 100 * 1024 * 1024 + 4321; // ~100 MB: above the multipart threshold, last part short
const STREAM_KEY = Buffer.alloc(16, 9);

/** A real M4A's first bytes: confirm reads them and refuses audio that is not audio. */
const M4A_HEADER = m4aFile(0);

/**
 * Deterministic bytes for any range (AES-CTR) after an M4A header, so only the parts in
 * flight are in memory.
 */
function fileBytes(offset: number, size: number): Uint8Array<ArrayBuffer> {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(offset / 16), 8);
  const bytes = createCipheriv("aes-128-ctr", STREAM_KEY, iv).update(Buffer.alloc(size));
  if (offset === 0) bytes.set(M4A_HEADER);
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
}

const requestAs = (actor: Actor) => actAs(actor, requestUploadInput, requestUpload, s3.storage);

function multipart(plan: UploadPlan) {
  if (plan.kind !== "multipart") throw new Error("expected a multipart plan");
  return plan;
}

const dictation = (size: number) => ({
  bookingId: bookingIds.aTeam2,
  category: "dictation" as const,
  fileName: "exam dictation.m4a",
  size,
  mimeType: "audio/mp4",
});

/**
 * A part PUT as the browser's uploader sends it (components/documents/upload-transfer.ts): a
 * dropped connection (ECONNRESET on a loaded machine) is sent again, a refusal is not.
 */
async function putPartLikeTheBrowser(url: string, bytes: Uint8Array<ArrayBuffer>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await putTo(url, bytes);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

describe("a multipart upload through the documents operations", () => {
  // ~100 MB through the local stack: a generous limit, since a loaded 2-core machine took past 60 s.
  it(
    "plans parts for ~100 MB, accepts them in parallel, completes, confirms and downloads the same bytes",
    { timeout: 600_000 },
    async () => {
      const plan = multipart(unwrap(await requestAs(specialist)(dictation(FILE_SIZE))));
      expect(plan.parts.reduce((sum, part) => sum + part.size, 0)).toBe(FILE_SIZE);

      const uploaded: { partNumber: number; etag: string }[] = [];
      const queue = [...plan.parts];
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          for (let part = queue.shift(); part; part = queue.shift()) {
            const res = await putPartLikeTheBrowser(
              part.url,
              fileBytes((part.partNumber - 1) * plan.partSize, part.size),
            );
            expect(res.status).toBe(200);
            uploaded.push({ partNumber: part.partNumber, etag: res.headers.get("etag")! });
          }
        }),
      );
      const done = unwrap(
        await actAs(
          specialist,
          completeMultipartInput,
          completeMultipart,
          s3.storage,
        )({ pendingUploadId: plan.pendingUploadId, parts: uploaded }),
      );

      const [document] = (await documentRowsFor(bookingIds.aTeam2)).filter(
        (row) => row.id === done.documentId,
      );
      expect(document).toMatchObject({
        fileSize: FILE_SIZE,
        mimeType: "audio/mp4",
        category: "dictation",
        uploadedById: specialist.userId,
      });
      expect(await documentAuditRows(done.documentId, "document.uploaded")).toHaveLength(1);

      const link = unwrap(
        await actAs(
          specialist,
          requestDownloadInput,
          requestDownload,
          s3.storage,
        )({ documentId: done.documentId }),
      );
      const expected = createHash("sha256");
      for (const part of plan.parts)
        expected.update(fileBytes((part.partNumber - 1) * plan.partSize, part.size));
      const actual = createHash("sha256");
      const reader = (await fetch(link.url)).body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) actual.update(read.value);
      expect(actual.digest("hex")).toBe(expected.digest("hex"));
    },
  );

  it("lets a refused part be re-sent to the same signed URL, then completes", async () => {
    const plan = multipart(unwrap(await requestAs(specialist)(dictation(70 * 1024 * 1024))));
    const sent = [];
    for (const part of plan.parts) {
      const bytes = fileBytes((part.partNumber - 1) * plan.partSize, part.size);
      if (part.partNumber === 2) {
        // A dropped connection looks like a short body: the signed length refuses it.
        expect((await putTo(part.url, bytes.subarray(0, part.size - 1))).status).toBe(403);
      }
      const res = await putTo(part.url, bytes);
      expect(res.status).toBe(200);
      sent.push({ partNumber: part.partNumber, etag: res.headers.get("etag")! });
    }
    const result = await actAs(
      specialist,
      completeMultipartInput,
      completeMultipart,
      s3.storage,
    )({ pendingUploadId: plan.pendingUploadId, parts: sent });
    expect(result.ok).toBe(true);
  });

  it("cancelling aborts the stored parts and forgets the pending upload", async () => {
    const plan = multipart(unwrap(await requestAs(specialist)(dictation(65 * 1024 * 1024))));
    const [first] = plan.parts;
    const put = await putTo(first!.url, fileBytes(0, first!.size));
    expect(put.status).toBe(200);
    const [pending] = (await pendingRowsFor(bookingIds.aTeam2)).filter(
      (row) => row.id === plan.pendingUploadId,
    );

    unwrap(
      await actAs(
        specialist,
        pendingUploadInput,
        cancelUpload,
        s3.storage,
      )({ pendingUploadId: plan.pendingUploadId }),
    );
    expect((await pendingRowsFor(bookingIds.aTeam2)).map((row) => row.id)).not.toContain(
      plan.pendingUploadId,
    );
    expect(
      await actAs(
        specialist,
        completeMultipartInput,
        completeMultipart,
        s3.storage,
      )({
        pendingUploadId: plan.pendingUploadId,
        parts: [{ partNumber: 1, etag: put.headers.get("etag")! }],
      }),
    ).toMatchObject({ ok: false, error: "That upload was not found." });
    // The store has let go of the parts too: the upload id no longer exists.
    await expect(
      abortMultipartUpload({ key: pending!.s3Key, uploadId: pending!.multipartUploadId! }, s3.storage),
    ).rejects.toMatchObject({ name: "NoSuchUpload" });
    expect(await headObject(pending!.s3Key, s3.storage)).toBeNull();
    // The trail shows who cancelled which file on the booking.
    const cancelRows = await getDb()
      .select()
      .from(auditLogs)
      .where(
        and(eq(auditLogs.action, "document.upload_cancelled"), eq(auditLogs.resourceId, bookingIds.aTeam2)),
      );
    expect(cancelRows.map((row) => ({ user: row.userId, metadata: row.metadata }))).toEqual([
      {
        user: specialist.userId,
        metadata: expect.objectContaining({
          pendingUploadId: plan.pendingUploadId,
          category: "dictation",
          multipart: true,
        }),
      },
    ]);
  });
});
