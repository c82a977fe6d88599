/**
 * Archived is final: an archived booking takes no upload (nor the confirm of one begun before),
 * no stage change, correction or move — and the default lists (the bookings table and its count,
 * the admin's table, a specialist's agenda) leave it out until the Status filter asks for it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, documents } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import {
  correctStageDefinition,
  moveBookingDefinition,
  setBookingStatusDefinition,
} from "@/lib/admin/bookings/booking-definitions";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { ARCHIVED_MESSAGE } from "@/lib/bookings/progress";
import { addDays } from "@/lib/time/zoned";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import { requestUpload, type UploadPlan } from "@/lib/documents/request-upload";
import { pendingUploadInput, requestUploadInput } from "@/lib/documents/schemas";
import { loadSpecialistWeek, specialistZoneOf, weekStartFor } from "@/lib/homes/specialist-home";
import { as } from "../support/admin-session";
import { buildActors, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { actAs, PDF_BYTES, putTo, unwrap } from "./documents-test-support";
import { startTestS3, type TestS3 } from "./storage-test-s3";

let s3: TestS3;
let id: IdOf;
let bookingIds: Record<BookingKey, string>;
let actors: ReturnType<typeof buildActors>;
beforeAll(async () => {
  s3 = await startTestS3();
  ({ id, bookingIds } = await insertAuthzWorld({ withMemberships: true }));
  actors = buildActors(id);
});
afterAll(async () => {
  await s3?.stop();
});

/** Closes then archives, the way the admin console does (active → closed → archived). */
async function archive(key: BookingKey) {
  const setStatus = defineAction(setBookingStatusDefinition, as(actors.platformAdmin));
  unwrap(await setStatus({ bookingIds: [bookingIds[key]], to: "closed" }));
  unwrap(await setStatus({ bookingIds: [bookingIds[key]], to: "archived" }));
}

const requestAs = (actor: Actor) => actAs(actor, requestUploadInput, requestUpload, s3.storage);
const confirmAs = (actor: Actor) => actAs(actor, pendingUploadInput, confirmUpload, s3.storage);
const brief = (key: BookingKey) => ({
  bookingId: bookingIds[key],
  category: "brief" as const,
  fileName: "Brief.pdf",
  size: PDF_BYTES.length,
  mimeType: "application/pdf",
});
const single = (plan: UploadPlan) => {
  if (plan.kind !== "single") throw new Error("expected a single PUT plan");
  return plan;
};

describe("an archived booking", () => {
  it("takes no upload, and an upload begun before the archiving cannot be confirmed", async () => {
    // Started while the booking was active: URL signed, bytes sent…
    const plan = single(unwrap(await requestAs(actors.ownerA)(brief("aNoTeam"))));
    expect((await putTo(plan.url, PDF_BYTES, plan.headers)).status).toBe(200);
    await archive("aNoTeam");

    expect(await confirmAs(actors.ownerA)({ pendingUploadId: plan.pendingUploadId })).toMatchObject({
      ok: false,
      error: ARCHIVED_MESSAGE,
    });
    for (const actor of [actors.ownerA, actors.platformAdmin]) {
      expect(await requestAs(actor)(brief("aNoTeam"))).toMatchObject({ ok: false, error: ARCHIVED_MESSAGE });
    }
    expect(await getDb().select().from(documents).where(eq(documents.bookingId, bookingIds.aNoTeam))).toEqual(
      [],
    );
  });

  it("cannot be corrected, moved or reopened by an admin", async () => {
    await archive("aTeam1");
    const asAdmin = as(actors.platformAdmin);
    const correction = await defineAction(
      correctStageDefinition,
      asAdmin,
    )({
      bookingId: bookingIds.aTeam1,
      expectedFrom: "scheduled",
      to: "cancelled",
      note: "Tidying up",
    });
    expect(correction).toMatchObject({ ok: false, error: ARCHIVED_MESSAGE });
    const move = await defineAction(
      moveBookingDefinition,
      asAdmin,
    )({ bookingId: bookingIds.aTeam1, organizationId: id("B"), teamId: "" });
    expect(move).toMatchObject({ ok: false, error: ARCHIVED_MESSAGE });
    const reopen = await defineAction(
      setBookingStatusDefinition,
      asAdmin,
    )({ bookingIds: [bookingIds.aTeam1], to: "active" });
    expect(reopen.ok).toBe(false);

    const [row] = await getDb().select().from(bookings).where(eq(bookings.id, bookingIds.aTeam1));
    expect(row).toMatchObject({ status: "archived", currentProgress: "scheduled", organizationId: id("A") });
  });

  it("is left out of the default lists and shown when the Status filter asks for archived", async () => {
    await archive("aTeam2");
    const closedOne = bookingIds.bTeam1;
    unwrap(
      await defineAction(
        setBookingStatusDefinition,
        as(actors.platformAdmin),
      )({ bookingIds: [closedOne], to: "closed" }),
    );
    const ownerA = (await loadActor(getDb(), id("ownerA"), null))!;

    const byDefault = await listBookingPageForViewer(
      getDb(),
      ownerA,
      parseBookingListParams({ size: "100" }),
      "UTC",
    );
    const ids = byDefault.rows.map((r) => r.id);
    expect(ids).not.toContain(bookingIds.aTeam2);
    expect(ids).toContain(bookingIds.aTeam2ForMember);
    expect(byDefault.total).toBe(byDefault.rows.length);

    const askedFor = await listBookingPageForViewer(
      getDb(),
      ownerA,
      parseBookingListParams({ status: "archived", size: "100" }),
      "UTC",
    );
    expect(askedFor.rows.map((r) => r.id)).toContain(bookingIds.aTeam2);
    expect(askedFor.rows.every((r) => r.status === "archived")).toBe(true);

    // The admin's table (Admin → Bookings is the same table, all views): closed bookings stay in
    // the default, archived ones only on request.
    const adminTable = async (params: Record<string, string>) =>
      (
        await listBookingPageForViewer(
          getDb(),
          actors.platformAdmin,
          parseBookingListParams({ view: "all", size: "100", ...params }),
          "UTC",
        )
      ).rows.map((r) => r.id);
    const adminDefault = await adminTable({ organization: id("A") });
    expect(adminDefault).not.toContain(bookingIds.aTeam2);
    expect(adminDefault).toContain(bookingIds.aTeam2ForMember);
    expect(await adminTable({ organization: id("B") })).toContain(closedOne);
    expect(await adminTable({ organization: id("A"), status: "archived" })).toContain(bookingIds.aTeam2);

    // aTeam2 is specialist S1's examination in a few days: archived, it is off their week.
    const now = new Date();
    const zone = await specialistZoneOf(getDb(), actors.specialistS1);
    const thisWeek = weekStartFor(undefined, now, zone);
    const weeks = await Promise.all(
      [thisWeek, addDays(thisWeek, 7)].map((start) =>
        loadSpecialistWeek(getDb(), actors.specialistS1, start, zone, now),
      ),
    );
    const onAgenda = weeks.flatMap((week) => week.days.flatMap((day) => day.examinations.map((e) => e.id)));
    expect(onAgenda).not.toContain(bookingIds.aTeam2);
    expect(onAgenda).toContain(bookingIds.bTeam1);
  });
});
