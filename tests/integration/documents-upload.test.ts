import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import { requestUpload, type UploadPlan } from "@/lib/documents/request-upload";
import { pendingUploadInput, requestUploadInput } from "@/lib/documents/schemas";
import { headObject } from "@/lib/storage/head-object";
import { confirmedDocumentKey } from "@/lib/storage/keys";
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/authz/actor";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { pngFile } from "../support/real-file-samples";
import { startTestS3, type TestS3 } from "./storage-test-s3";
import {
  actAs,
  documentAuditRows,
  documentRowsFor,
  impersonating,
  PDF_BYTES,
  pendingRowsFor,
  putTo,
  TEST_IP,
  unwrap,
} from "./documents-test-support";

let s3: TestS3;
let id: IdOf;
let bookingIds: Record<BookingKey, string>;
let actors: ReturnType<typeof buildActors>;
beforeAll(async () => {
  s3 = await startTestS3();
  ({ id, bookingIds } = await insertAuthzWorld());
  actors = buildActors(id);
});
afterAll(async () => {
  await s3?.stop();
});

const requestAs = (actor: Actor) => actAs(actor, requestUploadInput, requestUpload, s3.storage);
const confirmAs = (actor: Actor) => actAs(actor, pendingUploadInput, confirmUpload, s3.storage);

const brief = (bookingKey: BookingKey, overrides: Partial<z.input<typeof requestUploadInput>> = {}) => ({
  bookingId: bookingIds[bookingKey],
  category: "brief" as const,
  fileName: "Referral brief — Müller.pdf",
  size: PDF_BYTES.length,
  mimeType: "application/pdf",
  ...overrides,
});

function single(plan: UploadPlan) {
  if (plan.kind !== "single") throw new Error("expected a single PUT plan");
  return plan;
}

/** Writes straight to the bucket with the server's own credentials, as a misbehaving client could not. */
const overwrite = (key: string, body: Uint8Array, contentType: string) =>
  s3.storage.client.send(
    new PutObjectCommand({ Bucket: s3.storage.bucket, Key: key, Body: body, ContentType: contentType }),
  );

describe("uploading a document", () => {
  it("signs a PUT for the checked file, and confirm turns the landed object into a document with one audit row", async () => {
    const referrer = actors.ownerA;
    const plan = single(unwrap(await requestAs(referrer)(brief("aTeam2"))));
    const [pending] = (await pendingRowsFor(bookingIds.aTeam2)).filter(
      (row) => row.id === plan.pendingUploadId,
    );
    expect(pending).toMatchObject({
      uploadedById: referrer.userId,
      declaredSize: PDF_BYTES.length,
      declaredMimeType: "application/pdf",
      category: "brief",
    });
    // The key is the server's, scoped by organization and booking; the file name is nowhere in it.
    expect(pending!.s3Key).toMatch(new RegExp(`^org/${id("A")}/booking/${bookingIds.aTeam2}/[a-z0-9]+$`));
    expect(plan.url).not.toContain("M%C3%BCller");

    expect((await putTo(plan.url, PDF_BYTES, plan.headers)).status).toBe(200);
    const confirmed = unwrap(await confirmAs(referrer)({ pendingUploadId: plan.pendingUploadId }));

    const [document] = (await documentRowsFor(bookingIds.aTeam2)).filter(
      (row) => row.id === confirmed.documentId,
    );
    // Copied to a key no signed URL names (same organization and booking); the upload key is gone.
    expect(document).toMatchObject({
      uploadedById: referrer.userId,
      s3Key: confirmedDocumentKey(pending!.s3Key, plan.pendingUploadId),
      fileName: "Referral brief — Müller.pdf",
      fileSize: PDF_BYTES.length,
      mimeType: "application/pdf",
      category: "brief",
    });
    expect(document!.s3Key).toMatch(new RegExp(`^org/${id("A")}/booking/${bookingIds.aTeam2}/[a-z0-9]+$`));
    expect(await headObject(document!.s3Key, s3.storage)).toMatchObject({ size: PDF_BYTES.length });
    expect(await headObject(pending!.s3Key, s3.storage)).toBeNull();
    expect((await pendingRowsFor(bookingIds.aTeam2)).map((row) => row.id)).not.toContain(
      plan.pendingUploadId,
    );
    const audits = await documentAuditRows(confirmed.documentId, "document.uploaded");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      userId: referrer.userId,
      impersonatedUserId: null,
      ipAddress: TEST_IP,
    });
    expect(audits[0]!.metadata).toMatchObject({
      bookingId: bookingIds.aTeam2,
      category: "brief",
      fileSize: PDF_BYTES.length,
    });
  });

  it("attributes an upload made while impersonating to the admin, for the impersonated user", async () => {
    const asMember = impersonating(actors.memberA1, actors.platformAdmin);
    const plan = single(
      unwrap(
        await requestAs(asMember)(
          brief("aTeam1", {
            fileName: "consent.png",
            category: "consent_form",
            mimeType: "image/png",
            size: pngFile().length,
          }),
        ),
      ),
    );
    expect((await putTo(plan.url, pngFile(), plan.headers)).status).toBe(200);
    const { documentId } = unwrap(await confirmAs(asMember)({ pendingUploadId: plan.pendingUploadId }));

    const [document] = (await documentRowsFor(bookingIds.aTeam1)).filter((row) => row.id === documentId);
    expect(document!.uploadedById).toBe(actors.platformAdmin.userId);
    const audits = await documentAuditRows(documentId, "document.uploaded");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      userId: actors.platformAdmin.userId,
      impersonatedUserId: actors.memberA1.userId,
    });
  });

  it.each([
    ["a 600 MB brief", { size: 600 * 1024 * 1024 }, "Files can be at most 500 MB."],
    [
      "a .exe as a brief",
      { fileName: "brief.exe", mimeType: "application/x-msdownload", size: 4096 },
      "Briefs must be PDF or Word documents.",
    ],
    [
      "a .exe renamed to look like a PDF type",
      { fileName: "brief.exe", mimeType: "application/pdf", size: 4096 },
      "Briefs must be PDF or Word documents.",
    ],
    ["an empty file", { size: 0 }, "This file is empty."],
  ])("refuses %s in plain words and signs nothing", async (_name, overrides, message) => {
    const before = (await pendingRowsFor(bookingIds.aNoTeam)).length;
    const result = await requestAs(actors.ownerA)(brief("aNoTeam", overrides));
    expect(result).toMatchObject({
      ok: false,
      error: message,
      fieldErrors: { file: [message.slice(0, -1)] },
    });
    expect(await pendingRowsFor(bookingIds.aNoTeam)).toHaveLength(before);
  });

  it("tells a referrer they can't upload a dictation, and a specialist they can't upload a brief", async () => {
    const dictation = brief("aTeam2", {
      category: "dictation",
      fileName: "notes.mp3",
      mimeType: "audio/mpeg",
    });
    expect(await requestAs(actors.ownerA)(dictation)).toMatchObject({
      ok: false,
      error: "You can't upload dictations to this booking.",
    });
    expect(await requestAs(actors.specialistS1)(brief("aTeam2"))).toMatchObject({
      ok: false,
      error: "You can't upload briefs to this booking.",
    });
    expect(unwrap(await requestAs(actors.specialistS1)(dictation)).kind).toBe("single");
  });

  it("answers a booking of another organization, or one the member can't see, as not found", async () => {
    for (const [actor, key] of [
      [actors.memberB1, "aNoTeam"],
      [actors.memberA1, "aTeam2"],
      [actors.specialistS1, "aNoTeam"],
    ] as const) {
      const before = (await pendingRowsFor(bookingIds[key])).length;
      expect(await requestAs(actor)(brief(key))).toEqual({
        ok: false,
        code: "not_found",
        error: "That booking was not found.",
        fieldErrors: {},
      });
      expect(await pendingRowsFor(bookingIds[key])).toHaveLength(before);
    }
    expect(await requestAs(actors.ownerA)(brief("aNoTeam", { bookingId: "no-such-booking" }))).toMatchObject({
      error: "That booking was not found.",
    });
  });
});

describe("confirming an upload", () => {
  const documentsOf = async (key: BookingKey) => (await documentRowsFor(bookingIds[key])).length;

  it("refuses when nothing arrived, and accepts once the PUT has happened", async () => {
    const plan = single(unwrap(await requestAs(actors.adminA)(brief("aTeam2"))));
    const before = await documentsOf("aTeam2");
    expect(await confirmAs(actors.adminA)({ pendingUploadId: plan.pendingUploadId })).toEqual({
      ok: false,
      code: "invalid_input",
      error: '"Referral brief — Müller.pdf" did not arrive in storage. Upload it again.',
      fieldErrors: {},
    });
    expect(await documentsOf("aTeam2")).toBe(before);

    await putTo(plan.url, PDF_BYTES, plan.headers);
    expect((await confirmAs(actors.adminA)({ pendingUploadId: plan.pendingUploadId })).ok).toBe(true);
    expect(await documentsOf("aTeam2")).toBe(before + 1);
  });

  it.each([
    ["resized", PDF_BYTES.subarray(0, 10), "application/pdf", "its size differs"],
    ["retyped", PDF_BYTES, "text/html", "its file type differs"],
  ])(
    "refuses a %s object, deletes it and writes no document or audit row",
    async (_name, body, contentType, reason) => {
      const plan = single(unwrap(await requestAs(actors.ownerA)(brief("aNoTeam"))));
      const [pending] = (await pendingRowsFor(bookingIds.aNoTeam)).filter(
        (row) => row.id === plan.pendingUploadId,
      );
      await overwrite(pending!.s3Key, body, contentType);
      const before = await documentsOf("aNoTeam");

      const result = await confirmAs(actors.ownerA)({ pendingUploadId: plan.pendingUploadId });
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining(reason) });
      expect(result).toMatchObject({ error: expect.stringMatching(/was removed\. Upload it again\.$/) });
      expect(await headObject(pending!.s3Key, s3.storage)).toBeNull();
      expect(await documentsOf("aNoTeam")).toBe(before);
      const stray = await getDb()
        .select()
        .from(auditLogs)
        .where(
          and(eq(auditLogs.action, "document.uploaded"), inArray(auditLogs.userId, [actors.ownerA.userId])),
        );
      expect(
        stray.every((row) => (row.metadata as { bookingId?: string }).bookingId !== bookingIds.aNoTeam),
      ).toBe(true);
    },
  );

  it("lets only the uploader confirm, and only once", async () => {
    const plan = single(unwrap(await requestAs(actors.ownerA)(brief("aTeam1"))));
    await putTo(plan.url, PDF_BYTES, plan.headers);
    // adminA sees the booking too, but it is not their upload.
    expect(await confirmAs(actors.adminA)({ pendingUploadId: plan.pendingUploadId })).toMatchObject({
      ok: false,
      error: "That upload was not found.",
    });
    const first = await confirmAs(actors.ownerA)({ pendingUploadId: plan.pendingUploadId });
    const second = await confirmAs(actors.ownerA)({ pendingUploadId: plan.pendingUploadId });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: "That upload was not found." });
    expect(await documentAuditRows(unwrap(first).documentId, "document.uploaded")).toHaveLength(1);
  });
});
