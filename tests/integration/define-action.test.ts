import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { NotFoundError } from "@/lib/actions/errors";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import type { Actor } from "@/lib/authz/actor";
import { canViewBooking, isPlatformAdmin } from "@/lib/authz/policy";
import { buildActors, buildBookings, type BookingKey, type IdOf } from "../support/authz-fixture";
import { auditRowsFor } from "../support/audit-rows";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { withUncheckedInput } from "../support/unchecked-action";

let id: IdOf;
let bookingIds: Record<BookingKey, string>;
beforeAll(async () => ({ id, bookingIds } = await insertAuthzWorld()));

const as = (actor: Actor) => async (): Promise<RequestActor> => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: "203.0.113.7", userAgent: "vitest" }),
});

/** A representative mutation: edit a booking's notes, then optionally fail after writing. */
function editNotesAction(
  actor: Actor | null,
  options: { failAfterWrite?: boolean; adminOnly?: boolean } = {},
) {
  return defineAction(
    {
      input: z.object({
        bookingKey: z.string(),
        notes: z.string().trim().min(3, "Write at least 3 characters"),
      }),
      form: true,
      authorize: options.adminOnly ? isPlatformAdmin : () => true,
      run: async ({ tx, actor: current, audit }, input) => {
        const bookingId = bookingIds[input.bookingKey as BookingKey];
        if (!canViewBooking(current, buildBookings(id)[input.bookingKey as BookingKey]))
          throw new NotFoundError("That booking");
        await tx.update(bookings).set({ notes: input.notes }).where(eq(bookings.id, bookingId));
        await audit({
          action: "booking.updated",
          resourceType: "booking",
          resourceId: bookingId,
          metadata: { notes: input.notes },
        });
        if (options.failAfterWrite) throw new Error("disk on fire");
        return { bookingId };
      },
    },
    actor ? as(actor) : async () => null,
  );
}

const notesOf = async (key: BookingKey) =>
  (await getDb().select({ notes: bookings.notes }).from(bookings).where(eq(bookings.id, bookingIds[key])))[0]
    ?.notes;

describe("the action wrapper", () => {
  it("returns field errors for bad input and writes nothing", async () => {
    const result = await editNotesAction(buildActors(id).ownerA)({ bookingKey: "aNoTeam", notes: " x " });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { notes: ["Write at least 3 characters"] },
    });
    expect(await notesOf("aNoTeam")).toBeNull();
  });

  it("accepts FormData as well as objects", async () => {
    const form = new FormData();
    form.set("bookingKey", "aTeam1");
    form.set("notes", "Interpreter needed");
    const result = await editNotesAction(buildActors(id).memberA1)(form);
    expect(result.ok).toBe(true);
    expect(await notesOf("aTeam1")).toBe("Interpreter needed");
  });

  it("takes FormData only for a definition that declares a form", async () => {
    const objectsOnly = defineAction(
      {
        input: z.object({ note: z.string() }),
        authorize: () => true,
        run: () => Promise.resolve("ran"),
      },
      as(buildActors(id).ownerA),
    );
    const form = new FormData();
    form.set("note", "hello");
    // The type refuses it (tests/unit/define-action-input.test-d.ts); a caller that gets past the
    // type anyway (plain JavaScript, a stale client) meets the schema, which finds no object.
    const result = await withUncheckedInput(objectsOnly)(form);
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
  });

  it("answers a refused permission as not found and changes nothing", async () => {
    const result = await editNotesAction(buildActors(id).ownerA, { adminOnly: true })({
      bookingKey: "aTeam2",
      notes: "Should not land",
    });
    expect(result).toEqual({ ok: false, code: "not_found", error: "Not found.", fieldErrors: {} });
    expect(await notesOf("aTeam2")).toBeNull();
    expect(await auditRowsFor("booking", bookingIds.aTeam2)).toHaveLength(0);
  });

  it("answers a booking outside the actor's rights as not found", async () => {
    const result = await editNotesAction(buildActors(id).memberB1)({
      bookingKey: "aNoTeam",
      notes: "Peeking",
    });
    expect(result).toMatchObject({ ok: false, code: "not_found", error: "That booking was not found." });
  });

  it("records both the admin and the impersonated user on the audit row", async () => {
    const actors = buildActors(id);
    const impersonated = { ...actors.memberNoTeamA, impersonatorId: actors.platformAdmin.userId };
    const result = await editNotesAction(impersonated)({
      bookingKey: "aTeam2ForMember",
      notes: "Booked by phone",
    });
    expect(result.ok).toBe(true);
    const [row] = await auditRowsFor("booking", bookingIds.aTeam2ForMember);
    expect(row).toMatchObject({
      userId: actors.platformAdmin.userId,
      impersonatedUserId: actors.memberNoTeamA.userId,
      action: "booking.updated",
      ipAddress: "203.0.113.7",
      userAgent: "vitest",
    });
  });

  it("rolls back the change and its audit row when the action fails half-way", async () => {
    const result = await editNotesAction(buildActors(id).platformAdmin, { failAfterWrite: true })({
      bookingKey: "bNoTeam",
      notes: "Half done",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "internal",
      error: expect.stringMatching(/nothing was changed/),
    });
    expect(await notesOf("bNoTeam")).toBeNull();
    expect(await auditRowsFor("booking", bookingIds.bNoTeam)).toHaveLength(0);
  });

  it("asks a signed-out caller to sign in again", async () => {
    const result = await editNotesAction(null)({ bookingKey: "aNoTeam", notes: "Anyone?" });
    expect(result).toMatchObject({
      ok: false,
      code: "session_ended",
      error: expect.stringMatching(/sign in again/),
    });
  });
});
