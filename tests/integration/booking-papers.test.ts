/**
 * bookings.has_brief / has_consent_form are kept by the database from the booking's documents
 * (trigger documents_keep_booking_papers, migration 0020) — the homes' "papers missing" and
 * "briefs missing" walk an index on them, so they must follow every insert, delete and move of a
 * document, including two papers uploaded at once.
 */
import { beforeAll, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings, documents } from "@/db/schema";
import type { DocumentCategory } from "@/db/schema/enums";
import { newId } from "@/lib/ids";
import type { IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { waitForLockWaiter } from "../support/lock-waiter";

let id: IdOf;
let first: string;
let second: string;

beforeAll(async () => {
  const world = await insertAuthzWorld();
  id = world.id;
  [first, second] = [world.bookingIds.aTeam1, world.bookingIds.aTeam2];
});

const papersOf = async (bookingId: string) => {
  const [row] = await getDb()
    .select({ brief: bookings.hasBrief, consent: bookings.hasConsentForm })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return row;
};

const documentRow = (bookingId: string, category: DocumentCategory) => {
  const documentId = newId();
  return {
    id: documentId,
    bookingId,
    uploadedById: id("ownerA"),
    s3Key: `test/${documentId}`,
    fileName: `${category}.pdf`,
    fileSize: 100,
    mimeType: "application/pdf",
    category,
  };
};

it("follows the booking's documents: uploaded, deleted, moved to another booking, recategorized", async () => {
  expect(await papersOf(first)).toEqual({ brief: false, consent: false });

  const brief = documentRow(first, "brief");
  await getDb().insert(documents).values(brief);
  expect(await papersOf(first)).toEqual({ brief: true, consent: false });

  const consent = documentRow(first, "consent_form");
  const secondBrief = documentRow(first, "brief");
  await getDb().insert(documents).values([consent, secondBrief]);
  expect(await papersOf(first)).toEqual({ brief: true, consent: true });

  // One of two briefs goes: the booking still has one.
  await getDb().delete(documents).where(eq(documents.id, brief.id));
  expect(await papersOf(first)).toEqual({ brief: true, consent: true });
  await getDb().delete(documents).where(eq(documents.id, secondBrief.id));
  expect(await papersOf(first)).toEqual({ brief: false, consent: true });

  await getDb().update(documents).set({ bookingId: second }).where(eq(documents.id, consent.id));
  expect(await papersOf(first)).toEqual({ brief: false, consent: false });
  expect(await papersOf(second)).toEqual({ brief: false, consent: true });

  await getDb().update(documents).set({ category: "brief" }).where(eq(documents.id, consent.id));
  expect(await papersOf(second)).toEqual({ brief: true, consent: false });

  // A report is not a paper.
  await getDb().insert(documents).values(documentRow(first, "report"));
  expect(await papersOf(first)).toEqual({ brief: false, consent: false });
});

it("keeps both papers when they are uploaded at once in two transactions", async () => {
  const bookingId = (await insertAuthzWorld()).bookingIds.aNoTeam;
  let commitFirst!: () => void;
  const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
  const firstUpload = getDb().transaction(async (tx) => {
    await tx.insert(documents).values(documentRow(bookingId, "brief"));
    await firstMayCommit;
  });
  // The second waits for the first's lock on the booking, then reads the documents after it.
  const secondUpload = getDb().transaction(async (tx) => {
    await tx.insert(documents).values(documentRow(bookingId, "consent_form"));
  });
  await waitForLockWaiter("the second upload");
  commitFirst();
  await Promise.all([firstUpload, secondUpload]);
  expect(await papersOf(bookingId)).toEqual({ brief: true, consent: true });
  await getDb()
    .delete(documents)
    .where(inArray(documents.bookingId, [bookingId]));
  expect(await papersOf(bookingId)).toEqual({ brief: false, consent: false });
});
