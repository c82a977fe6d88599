import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { DocumentCategory } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import { listDocumentsForViewer } from "@/lib/documents/list-documents";
import { requestDownload } from "@/lib/documents/request-download";
import { requestUpload } from "@/lib/documents/request-upload";
import { pendingUploadInput, requestDownloadInput, requestUploadInput } from "@/lib/documents/schemas";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { startTestS3, type TestS3 } from "./storage-test-s3";
import { actAs, documentAuditRows, impersonating, PDF_BYTES, putTo, unwrap } from "./documents-test-support";
import { mp3File } from "../support/real-file-samples";

let s3: TestS3;
let bookingIds: Record<BookingKey, string>;
let actors: ReturnType<typeof buildActors>;
/** One brief (by a referrer), one report and one dictation (by the specialist) on aTeam2. */
const docs = {} as Record<"brief" | "report" | "dictation", string>;

const downloadAs = (actor: Actor) => actAs(actor, requestDownloadInput, requestDownload, s3.storage);

async function upload(
  actor: Actor,
  bookingKey: BookingKey,
  category: DocumentCategory,
  fileName: string,
  mimeType: string,
  body: Uint8Array<ArrayBuffer>,
) {
  const plan = unwrap(
    await actAs(
      actor,
      requestUploadInput,
      requestUpload,
      s3.storage,
    )({ bookingId: bookingIds[bookingKey], category, fileName, size: body.length, mimeType }),
  );
  if (plan.kind !== "single") throw new Error("expected a single PUT");
  expect((await putTo(plan.url, body, plan.headers)).status).toBe(200);
  return unwrap(
    await actAs(
      actor,
      pendingUploadInput,
      confirmUpload,
      s3.storage,
    )({ pendingUploadId: plan.pendingUploadId }),
  ).documentId;
}

beforeAll(async () => {
  s3 = await startTestS3();
  let id: IdOf;
  ({ id, bookingIds } = await insertAuthzWorld());
  actors = buildActors(id);
  docs.brief = await upload(
    actors.ownerA,
    "aTeam2",
    "brief",
    'Brief "final"\u202Efdp.exe.pdf',
    "application/pdf",
    PDF_BYTES,
  );
  docs.report = await upload(
    actors.specialistS1,
    "aTeam2",
    "report",
    "IME report.pdf",
    "application/pdf",
    PDF_BYTES,
  );
  docs.dictation = await upload(
    actors.specialistS1,
    "aTeam2",
    "dictation",
    "dictation.mp3",
    "audio/mpeg",
    mp3File(),
  );
});
afterAll(async () => {
  await s3?.stop();
});

describe("downloading a document", () => {
  it("gives the specialist a one-minute attachment link to the exact bytes, audited per download", async () => {
    const first = unwrap(await downloadAs(actors.specialistS1)({ documentId: docs.brief }));
    const lifetime = Number(new URL(first.url).searchParams.get("X-Amz-Expires"));
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(60);

    const res = await fetch(first.url);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF_BYTES);
    // Quotes and the bidi override are gone: the name can't break the header or disguise an extension.
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Brief finalfdp.exe.pdf"; filename*=UTF-8''Brief%20finalfdp.exe.pdf`,
    );

    unwrap(await downloadAs(actors.specialistS1)({ documentId: docs.brief }));
    const audits = await documentAuditRows(docs.brief, "document.downloaded");
    expect(audits).toHaveLength(2);
    expect(
      audits.every((row) => row.userId === actors.specialistS1.userId && row.impersonatedUserId === null),
    ).toBe(true);
  });

  it("lets the referrer download the report, and records impersonation on the audit row", async () => {
    const asOwner = impersonating(actors.ownerA, actors.platformAdmin);
    const link = unwrap(await downloadAs(asOwner)({ documentId: docs.report }));
    expect((await fetch(link.url)).status).toBe(200);
    const audits = await documentAuditRows(docs.report, "document.downloaded");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      userId: actors.platformAdmin.userId,
      impersonatedUserId: actors.ownerA.userId,
    });
  });

  it.each([
    ["a referrer asks for a dictation", "ownerA", "dictation"],
    ["a member of another organization asks for a brief", "memberB1", "brief"],
    ["a member outside the booking's team asks for a report", "memberA1", "report"],
    ["a user with no organization asks for a brief", "outsider", "brief"],
  ] as const)("answers not found with no URL and no audit row when %s", async (_name, actorKey, doc) => {
    const before = (await documentAuditRows(docs[doc], "document.downloaded")).length;
    const result = await downloadAs(actors[actorKey])({ documentId: docs[doc] });
    expect(result).toEqual({
      ok: false,
      code: "not_found",
      error: "That document was not found.",
      fieldErrors: {},
    });
    expect(await documentAuditRows(docs[doc], "document.downloaded")).toHaveLength(before);
  });

  it("answers an unknown document id exactly like a forbidden one", async () => {
    expect(await downloadAs(actors.ownerA)({ documentId: "no-such-document" })).toEqual({
      ok: false,
      code: "not_found",
      error: "That document was not found.",
      fieldErrors: {},
    });
  });
});

describe("listing a booking's documents", () => {
  const categoriesWithFiles = (groups: Awaited<ReturnType<typeof listDocumentsForViewer>>) =>
    Object.fromEntries((groups ?? []).map((g) => [g.category, g.documents.map((d) => d.id)]));

  it("groups by category with uploader, size and date, and never lists dictations to a referrer", async () => {
    const forReferrer = await listDocumentsForViewer(getDb(), actors.ownerA, bookingIds.aTeam2);
    expect(forReferrer!.map((g) => g.category)).toEqual(["brief", "consent_form", "report", "other"]);
    expect(categoriesWithFiles(forReferrer)).toMatchObject({
      brief: [docs.brief],
      report: [docs.report],
      consent_form: [],
      other: [],
    });
    expect(forReferrer!.find((g) => g.category === "report")!.documents[0]).toMatchObject({
      fileName: "IME report.pdf",
      fileSize: PDF_BYTES.length,
      uploadedByName: "specialistS1",
      uploadedAt: expect.any(Date),
    });

    const forSpecialist = await listDocumentsForViewer(getDb(), actors.specialistS1, bookingIds.aTeam2);
    expect(categoriesWithFiles(forSpecialist)).toMatchObject({
      dictation: [docs.dictation],
      brief: [docs.brief],
    });
  });

  it("returns nothing for a booking the viewer can't see", async () => {
    expect(await listDocumentsForViewer(getDb(), actors.memberB1, bookingIds.aTeam2)).toBeNull();
    expect(await listDocumentsForViewer(getDb(), actors.memberA1, bookingIds.aTeam2)).toBeNull();
  });
});
