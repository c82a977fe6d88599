import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { pendingUploads } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { cleanupUnconfirmedUploads } from "@/lib/documents/cleanup-unconfirmed-uploads";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import { requestUpload, type UploadPlan } from "@/lib/documents/request-upload";
import { pendingUploadInput, requestUploadInput } from "@/lib/documents/schemas";
import { copyObject } from "@/lib/storage/copy-object";
import { headObject } from "@/lib/storage/head-object";
import { confirmedDocumentKey } from "@/lib/storage/keys";
import { abortMultipartUpload } from "@/lib/storage/multipart";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { startTestS3, type TestS3 } from "./storage-test-s3";
import { actAs, documentRowsFor, PDF_BYTES, putTo, unwrap } from "./documents-test-support";

let s3: TestS3;
let bookingIds: Record<BookingKey, string>;
let referrer: Actor;
beforeAll(async () => {
  s3 = await startTestS3();
  let id: IdOf;
  ({ id, bookingIds } = await insertAuthzWorld());
  referrer = buildActors(id).ownerA;
});
afterAll(async () => {
  await s3?.stop();
});

const TWO_DAYS_AGO = new Date(Date.now() - 2 * 86_400_000);

async function signedUpload(size: number): Promise<UploadPlan & { key: string; uploadId: string | null }> {
  const plan = unwrap(
    await actAs(
      referrer,
      requestUploadInput,
      requestUpload,
      s3.storage,
    )({
      bookingId: bookingIds.aNoTeam,
      category: "brief",
      fileName: "brief.pdf",
      size,
      mimeType: "application/pdf",
    }),
  );
  const [row] = await getDb()
    .select()
    .from(pendingUploads)
    .where(eq(pendingUploads.id, plan.pendingUploadId));
  return { ...plan, key: row!.s3Key, uploadId: row!.multipartUploadId };
}

const backdate = (pendingUploadIds: string[]) =>
  getDb()
    .update(pendingUploads)
    .set({ createdAt: TWO_DAYS_AGO })
    .where(inArray(pendingUploads.id, pendingUploadIds));

const pendingIds = async () =>
  (await getDb().select({ id: pendingUploads.id }).from(pendingUploads)).map((row) => row.id);

describe("cleaning up unconfirmed uploads", () => {
  it("deletes objects, stored parts and rows of uploads unconfirmed for over a day, and nothing else", async () => {
    // Stale: a PUT that landed but was never confirmed, and a multipart upload with one part.
    const staleSingle = await signedUpload(PDF_BYTES.length);
    if (staleSingle.kind !== "single") throw new Error("expected a single PUT");
    await putTo(staleSingle.url, PDF_BYTES, staleSingle.headers);
    const staleMultipart = await signedUpload(65 * 1024 * 1024);
    if (staleMultipart.kind !== "multipart") throw new Error("expected multipart");
    expect(
      (await putTo(staleMultipart.parts[0]!.url, new Uint8Array(staleMultipart.parts[0]!.size))).status,
    ).toBe(200);

    // Kept: a fresh unconfirmed upload, and a document confirmed long ago.
    const fresh = await signedUpload(PDF_BYTES.length);
    if (fresh.kind !== "single") throw new Error("expected a single PUT");
    await putTo(fresh.url, PDF_BYTES, fresh.headers);
    const confirmedPlan = await signedUpload(PDF_BYTES.length);
    if (confirmedPlan.kind !== "single") throw new Error("expected a single PUT");
    await putTo(confirmedPlan.url, PDF_BYTES, confirmedPlan.headers);
    unwrap(
      await actAs(
        referrer,
        pendingUploadInput,
        confirmUpload,
        s3.storage,
      )({ pendingUploadId: confirmedPlan.pendingUploadId }),
    );

    await backdate([staleSingle.pendingUploadId, staleMultipart.pendingUploadId]);
    const result = await cleanupUnconfirmedUploads(getDb(), { storage: s3.storage });

    expect(result.failed).toEqual([]);
    expect(result.deleted).toBeGreaterThanOrEqual(2);
    const remaining = await pendingIds();
    expect(remaining).not.toContain(staleSingle.pendingUploadId);
    expect(remaining).not.toContain(staleMultipart.pendingUploadId);
    expect(await headObject(staleSingle.key, s3.storage)).toBeNull();
    await expect(
      abortMultipartUpload({ key: staleMultipart.key, uploadId: staleMultipart.uploadId! }, s3.storage),
    ).rejects.toMatchObject({
      name: "NoSuchUpload",
    });

    expect(remaining).toContain(fresh.pendingUploadId);
    expect(await headObject(fresh.key, s3.storage)).toMatchObject({ size: PDF_BYTES.length });
    const confirmedKey = confirmedDocumentKey(confirmedPlan.key, confirmedPlan.pendingUploadId);
    expect((await documentRowsFor(bookingIds.aNoTeam)).map((d) => d.s3Key)).toContain(confirmedKey);
    expect(await headObject(confirmedKey, s3.storage)).toMatchObject({ size: PDF_BYTES.length });
  });

  it("deletes the copy a confirm made before its transaction rolled back", async () => {
    const abandoned = await signedUpload(PDF_BYTES.length);
    if (abandoned.kind !== "single") throw new Error("expected a single PUT");
    await putTo(abandoned.url, PDF_BYTES, abandoned.headers);
    // What confirmUpload does first; the rollback then leaves the pending row and this copy behind.
    const copy = confirmedDocumentKey(abandoned.key, abandoned.pendingUploadId);
    expect(await copyObject(abandoned.key, copy, s3.storage)).toBe(true);
    await backdate([abandoned.pendingUploadId]);

    const result = await cleanupUnconfirmedUploads(getDb(), { storage: s3.storage });
    expect(result.failed).toEqual([]);
    expect(await headObject(abandoned.key, s3.storage)).toBeNull();
    expect(await headObject(copy, s3.storage)).toBeNull();
  });

  it("deletes a stale row whose object never arrived", async () => {
    const neverSent = await signedUpload(PDF_BYTES.length);
    await backdate([neverSent.pendingUploadId]);
    const result = await cleanupUnconfirmedUploads(getDb(), { storage: s3.storage });
    expect(result.failed).toEqual([]);
    expect(await pendingIds()).not.toContain(neverSent.pendingUploadId);
  });
});
