import { createCipheriv, createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headObject } from "@/lib/storage/head-object";
import { newId } from "@/lib/ids";
import { buildDocumentKey } from "@/lib/storage/keys";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  planParts,
  presignUploadParts,
  shouldUseMultipart,
  type PlannedPart,
} from "@/lib/storage/multipart";
import { presignDownload } from "@/lib/storage/presign-download";
import { startTestS3, type TestS3 } from "./storage-test-s3";

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.stop();
});

const FILE_SIZE = 100 * 1024 * 1024 + 12_345; // ~100 MB, last part shorter
const CONTENT_TYPE = "audio/mpeg";
const PARALLEL_PARTS = 3;
const STREAM_KEY = Buffer.alloc(16, 7);

/**
 * The "file": AES-CTR keystream, so any byte range can be regenerated on its own — only
 * the parts in flight are ever in memory, never the whole 100 MB.
 */
function fileBytes(offset: number, size: number): Uint8Array<ArrayBuffer> {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(offset / 16), 8);
  const bytes = createCipheriv("aes-128-ctr", STREAM_KEY, iv).update(Buffer.alloc(size));
  // A view, not a copy: fetch's types want an ArrayBuffer-backed array.
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
}

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe("multipart upload of a large dictation", () => {
  it("uploads ~100 MB in parallel presigned parts and downloads the same bytes", async () => {
    expect(shouldUseMultipart(FILE_SIZE)).toBe(true);
    const key = buildDocumentKey(newId(), newId());
    const plan = planParts(FILE_SIZE);
    const { uploadId } = await createMultipartUpload({ key, contentType: CONTENT_TYPE }, s3.storage);
    const urls = await presignUploadParts({ key, uploadId, parts: plan }, s3.storage);

    const uploaded = await inParallel(plan, PARALLEL_PARTS, async (part: PlannedPart) => {
      const url = urls.find((u) => u.partNumber === part.partNumber)!.url;
      const res = await fetch(url, { method: "PUT", body: fileBytes(part.offset, part.size) });
      expect(res.status).toBe(200);
      return { partNumber: part.partNumber, etag: res.headers.get("etag")! };
    });
    await completeMultipartUpload({ key, uploadId, parts: uploaded }, s3.storage);

    expect(await headObject(key, s3.storage)).toMatchObject({ size: FILE_SIZE, contentType: CONTENT_TYPE });

    const expected = createHash("sha256");
    for (const part of plan) expected.update(fileBytes(part.offset, part.size));
    const download = await presignDownload({ key, fileName: "dictation.mp3" }, s3.storage);
    const res = await fetch(download.url);
    expect(res.status).toBe(200);
    const actual = createHash("sha256");
    const reader = res.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) actual.update(read.value);
    expect(actual.digest("hex")).toBe(expected.digest("hex"));
  });

  it("refuses a part whose body is not the signed part size", async () => {
    const key = buildDocumentKey(newId(), newId());
    const { uploadId } = await createMultipartUpload({ key, contentType: CONTENT_TYPE }, s3.storage);
    const [part] = await presignUploadParts(
      { key, uploadId, parts: [{ partNumber: 1, size: 5 * 1024 * 1024 }] },
      s3.storage,
    );
    const res = await fetch(part!.url, { method: "PUT", body: Buffer.alloc(6 * 1024 * 1024) });
    expect(res.status).toBe(403);
    await abortMultipartUpload({ key, uploadId }, s3.storage);
  });

  it("leaves nothing behind when an upload is aborted", async () => {
    const key = buildDocumentKey(newId(), newId());
    const { uploadId } = await createMultipartUpload({ key, contentType: CONTENT_TYPE }, s3.storage);
    const [part] = await presignUploadParts(
      { key, uploadId, parts: [{ partNumber: 1, size: 1024 }] },
      s3.storage,
    );
    const put = await fetch(part!.url, { method: "PUT", body: Buffer.alloc(1024) });
    await abortMultipartUpload({ key, uploadId }, s3.storage);

    await expect(
      completeMultipartUpload(
        { key, uploadId, parts: [{ partNumber: 1, etag: put.headers.get("etag")! }] },
        s3.storage,
      ),
    ).rejects.toThrow();
    expect(await headObject(key, s3.storage)).toBeNull();
    // Gone for good: a second abort finds no such upload.
    await expect(abortMultipartUpload({ key, uploadId }, s3.storage)).rejects.toMatchObject({
      name: "NoSuchUpload",
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("refuses completing with a part never uploaded or a wrong ETag, and keeps serving", async () => {
    const key = buildDocumentKey(newId(), newId());
    const { uploadId } = await createMultipartUpload({ key, contentType: CONTENT_TYPE }, s3.storage);
    const [part] = await presignUploadParts(
      { key, uploadId, parts: [{ partNumber: 1, size: 1024 }] },
      s3.storage,
    );
    const put = await fetch(part!.url, { method: "PUT", body: Buffer.alloc(1024, 1) });
    const etag = put.headers.get("etag")!;

    await expect(
      completeMultipartUpload(
        {
          key,
          uploadId,
          parts: [
            { partNumber: 1, etag },
            { partNumber: 2, etag },
          ],
        },
        s3.storage,
      ),
    ).rejects.toMatchObject({ name: "InvalidPart", $metadata: { httpStatusCode: 400 } });
    await expect(
      completeMultipartUpload(
        { key, uploadId, parts: [{ partNumber: 1, etag: '"0123456789abcdef0123456789abcdef"' }] },
        s3.storage,
      ),
    ).rejects.toMatchObject({ name: "InvalidPart" });
    expect(await headObject(key, s3.storage)).toBeNull();

    // The store is still up, and the honest completion works.
    await completeMultipartUpload({ key, uploadId, parts: [{ partNumber: 1, etag }] }, s3.storage);
    expect((await headObject(key, s3.storage))?.size).toBe(1024);
  });

  it("refuses a part for an upload that does not exist", async () => {
    const key = buildDocumentKey(newId(), newId());
    const [part] = await presignUploadParts(
      { key, uploadId: "0123456789abcdef", parts: [{ partNumber: 1, size: 16 }] },
      s3.storage,
    );
    const res = await fetch(part!.url, { method: "PUT", body: Buffer.alloc(16) });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("NoSuchUpload");
  });
});
