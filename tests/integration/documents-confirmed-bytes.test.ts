/**
 * A presigned PUT URL stays valid for its whole lifetime, after the confirm too. Whoever still
 * holds it may PUT other bytes of the same length and type: what a confirmed document downloads
 * must stay what was confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import { requestDownload } from "@/lib/documents/request-download";
import { requestUpload } from "@/lib/documents/request-upload";
import { pendingUploadInput, requestDownloadInput, requestUploadInput } from "@/lib/documents/schemas";
import { headObject } from "@/lib/storage/head-object";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import {
  actAs,
  documentAuditRows,
  documentRowsFor,
  pendingRowsFor,
  PDF_BYTES,
  putTo,
  unwrap,
} from "./documents-test-support";
import { startTestS3, type TestS3 } from "./storage-test-s3";

let s3: TestS3;
let bookingIds: Record<BookingKey, string>;
let referrer: Actor;
let specialist: Actor;
beforeAll(async () => {
  s3 = await startTestS3();
  let id: IdOf;
  ({ id, bookingIds } = await insertAuthzWorld());
  referrer = buildActors(id).ownerA;
  specialist = buildActors(id).specialistS1;
});
afterAll(async () => {
  await s3?.stop();
});

/** Same length and type as PDF_BYTES, other content. */
const FORGED = new TextEncoder().encode(
  new TextDecoder().decode(PDF_BYTES).replace("a tiny test brief", "a FORGED brief!!!"),
) as Uint8Array<ArrayBuffer>;

async function download(actor: Actor, documentId: string) {
  const link = unwrap(await actAs(actor, requestDownloadInput, requestDownload, s3.storage)({ documentId }));
  const res = await fetch(link.url);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe("a confirmed document", () => {
  it("downloads the confirmed bytes after the old upload URL is used again", async () => {
    expect(FORGED.length).toBe(PDF_BYTES.length);
    const plan = unwrap(
      await actAs(
        referrer,
        requestUploadInput,
        requestUpload,
        s3.storage,
      )({
        bookingId: bookingIds.aTeam2,
        category: "brief",
        fileName: "brief.pdf",
        size: PDF_BYTES.length,
        mimeType: "application/pdf",
      }),
    );
    if (plan.kind !== "single") throw new Error("expected a single PUT");
    const [pending] = (await pendingRowsFor(bookingIds.aTeam2)).filter(
      (row) => row.id === plan.pendingUploadId,
    );
    expect((await putTo(plan.url, PDF_BYTES, plan.headers)).status).toBe(200);
    const { documentId } = unwrap(
      await actAs(
        referrer,
        pendingUploadInput,
        confirmUpload,
        s3.storage,
      )({ pendingUploadId: plan.pendingUploadId }),
    );

    // The URL is still within its lifetime: S3 accepts the PUT, but it lands where no document points.
    await putTo(plan.url, FORGED, plan.headers);

    expect(await download(specialist, documentId)).toEqual(PDF_BYTES);
    expect(await download(referrer, documentId)).toEqual(PDF_BYTES);
    const [document] = (await documentRowsFor(bookingIds.aTeam2)).filter((row) => row.id === documentId);
    expect(document!.s3Key).not.toBe(pending!.s3Key);
    expect(await headObject(document!.s3Key, s3.storage)).toMatchObject({
      size: PDF_BYTES.length,
      contentType: "application/pdf",
    });
    expect(await documentAuditRows(documentId, "document.uploaded")).toHaveLength(1);
  });
});
