/**
 * Uploads are what they claim: confirm reads the stored file's first bytes from the real local
 * S3 and refuses one whose contents are another type than it said (lib/storage/check-stored-content.ts).
 * Every file here is a real one (tests/support/real-file-samples.ts).
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { completeMultipart } from "@/lib/documents/complete-multipart";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import { requestUpload, type UploadPlan } from "@/lib/documents/request-upload";
import { completeMultipartInput, pendingUploadInput, requestUploadInput } from "@/lib/documents/schemas";
import { headObject } from "@/lib/storage/head-object";
import { confirmedDocumentKey } from "@/lib/storage/keys";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import {
  docxFile,
  docxWithContentTypesLast,
  exeFile,
  m4aFile,
  mp3File,
  pdfFile,
  plainZipFile,
} from "../support/real-file-samples";
import { actAs, documentRowsFor, pendingRowsFor, putTo, TEST_IP, unwrap } from "./documents-test-support";
import { startTestS3, type TestS3 } from "./storage-test-s3";

let s3: TestS3;
let bookingIds: Record<BookingKey, string>;
let actors: ReturnType<typeof buildActors>;
beforeAll(async () => {
  s3 = await startTestS3();
  let id: IdOf;
  ({ id, bookingIds } = await insertAuthzWorld());
  actors = buildActors(id);
});
afterAll(async () => {
  await s3?.stop();
});

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type UploadInput = z.input<typeof requestUploadInput>;
const requestAs = (actor: Actor) => actAs(actor, requestUploadInput, requestUpload, s3.storage);
const confirmAs = (actor: Actor) => actAs(actor, pendingUploadInput, confirmUpload, s3.storage);

function single(plan: UploadPlan) {
  if (plan.kind !== "single") throw new Error("expected a single PUT plan");
  return plan;
}

/** Signs, PUTs `body` as the browser would, and returns the plan and its pending row. */
async function sendSingle(actor: Actor, input: Omit<UploadInput, "size">, body: Uint8Array<ArrayBuffer>) {
  const plan = single(unwrap(await requestAs(actor)({ ...input, size: body.length })));
  expect((await putTo(plan.url, body, plan.headers)).status).toBe(200);
  const [pending] = (await pendingRowsFor(input.bookingId)).filter((row) => row.id === plan.pendingUploadId);
  return { plan, pending: pending! };
}

const refusalAudits = (pendingUploadId: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.action, "document.refused"), eq(auditLogs.resourceType, "booking")))
    .then((rows) =>
      rows.filter(
        (row) => (row.metadata as { pendingUploadId?: string }).pendingUploadId === pendingUploadId,
      ),
    );

describe("confirm checks what the stored bytes really are", () => {
  it.each([
    [
      "a PDF brief",
      { category: "brief", fileName: "Referral brief.pdf", mimeType: "application/pdf" },
      pdfFile(),
    ],
    ["a DOCX brief", { category: "brief", fileName: "Referral brief.docx", mimeType: DOCX }, docxFile()],
    [
      "a DOCX brief with [Content_Types].xml last, after a 200 KB picture",
      { category: "brief", fileName: "Brief (LibreOffice).docx", mimeType: DOCX },
      docxWithContentTypesLast(200 * 1024),
    ],
    [
      "an MP3 dictation with cover art",
      { category: "dictation", fileName: "dictation.mp3", mimeType: "audio/mpeg" },
      mp3File({ tagBytes: 150 * 1024 }),
    ],
    [
      "an M4A dictation",
      { category: "dictation", fileName: "Voice memo.m4a", mimeType: "audio/x-m4a" },
      m4aFile(),
    ],
  ] as const)("accepts %s", async (_name, input, body) => {
    // Referrers send briefs; the specialist sends dictations.
    const actor = input.category === "brief" ? actors.ownerA : actors.specialistS1;
    const { plan } = await sendSingle(actor, { bookingId: bookingIds.aTeam2, ...input }, body);
    const confirmed = unwrap(await confirmAs(actor)({ pendingUploadId: plan.pendingUploadId }));
    const [document] = (await documentRowsFor(bookingIds.aTeam2)).filter(
      (row) => row.id === confirmed.documentId,
    );
    expect(document).toMatchObject({
      fileName: input.fileName,
      fileSize: body.length,
      mimeType: input.mimeType,
    });
  });

  it.each([
    [
      "a Windows program renamed brief.pdf",
      { fileName: "brief.pdf", mimeType: "application/pdf" },
      exeFile(),
      "exe",
      "This file is a Windows program, not a PDF — it was deleted and not added to the booking.",
    ],
    [
      "a plain ZIP renamed brief.docx",
      { fileName: "brief.docx", mimeType: DOCX },
      plainZipFile(),
      "zip",
      "This file is a ZIP archive, not a Word document — it was deleted and not added to the booking.",
    ],
  ])(
    "refuses %s: says why, keeps nothing, audits the refusal",
    async (_name, input, body, detected, reason) => {
      const referrer = actors.ownerA;
      const bookingId = bookingIds.aNoTeam;
      const documentsBefore = (await documentRowsFor(bookingId)).length;
      const { plan, pending } = await sendSingle(referrer, { bookingId, category: "brief", ...input }, body);

      const result = await confirmAs(referrer)({ pendingUploadId: plan.pendingUploadId });
      expect(result).toEqual({ ok: false, code: "wrong_file_type", error: reason, fieldErrors: {} });

      // Nothing half-done: no document, no pending row, neither object in the store.
      expect(await documentRowsFor(bookingId)).toHaveLength(documentsBefore);
      expect((await pendingRowsFor(bookingId)).map((row) => row.id)).not.toContain(plan.pendingUploadId);
      expect(await headObject(pending.s3Key, s3.storage)).toBeNull();
      expect(await headObject(confirmedDocumentKey(pending.s3Key, pending.id), s3.storage)).toBeNull();

      const audits = await refusalAudits(plan.pendingUploadId);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ userId: referrer.userId, resourceId: bookingId, ipAddress: TEST_IP });
      expect(audits[0]!.metadata).toMatchObject({
        fileName: input.fileName,
        declaredMimeType: input.mimeType,
        detected,
        multipart: false,
      });

      // Trying again cannot turn it into a document: the upload is gone.
      expect(await confirmAs(referrer)({ pendingUploadId: plan.pendingUploadId })).toMatchObject({
        ok: false,
        code: "not_found",
      });
    },
  );

  it(
    "refuses a multipart dictation that is a Windows program, after S3 joined its parts",
    { timeout: 300_000 },
    async () => {
      const specialist = actors.specialistS1;
      const size = 65 * 1024 * 1024; // just above the multipart threshold
      const plan = unwrap(
        await requestAs(specialist)({
          bookingId: bookingIds.aTeam2,
          category: "dictation",
          fileName: "dictation.m4a",
          size,
          mimeType: "audio/mp4",
        }),
      );
      if (plan.kind !== "multipart") throw new Error("expected a multipart plan");
      const [pending] = (await pendingRowsFor(bookingIds.aTeam2)).filter(
        (row) => row.id === plan.pendingUploadId,
      );
      const parts = [];
      for (const part of plan.parts) {
        const bytes = new Uint8Array(part.size);
        if (part.partNumber === 1) bytes.set(exeFile());
        const res = await putTo(part.url, bytes);
        expect(res.status).toBe(200);
        parts.push({ partNumber: part.partNumber, etag: res.headers.get("etag")! });
      }

      const result = await actAs(
        specialist,
        completeMultipartInput,
        completeMultipart,
        s3.storage,
      )({ pendingUploadId: plan.pendingUploadId, parts });
      expect(result).toEqual({
        ok: false,
        code: "wrong_file_type",
        error:
          "This file is a Windows program, not an audio recording — it was deleted and not added to the booking.",
        fieldErrors: {},
      });
      expect((await pendingRowsFor(bookingIds.aTeam2)).map((row) => row.id)).not.toContain(
        plan.pendingUploadId,
      );
      expect(await headObject(pending!.s3Key, s3.storage)).toBeNull();
      expect(await headObject(confirmedDocumentKey(pending!.s3Key, pending!.id), s3.storage)).toBeNull();
      const audits = await refusalAudits(plan.pendingUploadId);
      expect(audits).toHaveLength(1);
      expect(audits[0]!.metadata).toMatchObject({ detected: "exe", multipart: true });
    },
  );
});
