/**
 * Someone without the right learns nothing from an action's answers: not its fields (the
 * permission is asked before the input is read), and not which team ids exist elsewhere.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingRequests, users } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { createSpecialistDefinition } from "@/lib/specialists-admin/save-specialist";
import { createBookingDefinition } from "@/lib/bookings/booking-actions";
import { createUserDefinition } from "@/lib/users/create-user";
import { as } from "../support/admin-session";
import { buildActors, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { withUncheckedInput } from "../support/unchecked-action";

let id: IdOf;
let actors: ReturnType<typeof buildActors>;
beforeAll(async () => {
  ({ id } = await insertAuthzWorld({ withMemberships: true }));
  actors = buildActors(id);
});

describe("an admin action posted by someone who is not an admin", () => {
  it.each([
    // Wrong shapes are the point here: the type of the input is not what is tested.
    ["create a user", () => withUncheckedInput(defineAction(createUserDefinition, as(actors.ownerA)))],
    [
      "create a specialist",
      () => withUncheckedInput(defineAction(createSpecialistDefinition, as(actors.specialistS1))),
    ],
  ])("%s: bad input and good input get the same answer, naming no field", async (_label, action) => {
    const bad = await action()({ email: "not an e-mail", name: "", password: "x", unexpected: "field" });
    const empty = await action()({});
    const good = await action()({
      name: "Grace Hopper",
      email: `grace-${id("x")}@example.test`.toLowerCase(),
      role: "user",
      password: "long-enough-password",
      memberships: [],
      userEmail: `s-${id("x")}@example.test`.toLowerCase(),
      acuityCalendarId: "7101",
      specialty: "Neurology",
    });
    expect(bad).toEqual({ ok: false, code: "not_found", error: "Not found.", fieldErrors: {} });
    expect(empty).toEqual(bad);
    expect(good).toEqual(bad);
    const [{ n }] = (await getDb()
      .select({ n: count() })
      .from(users)
      .where(eq(users.name, "Grace Hopper"))) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe("booking for a team that is not one's own", () => {
  const bookingInput = (teamId: string) => ({
    idempotencyKey: `team-probe-${teamId}`,
    specialistId: id("S1"),
    appointmentType: "telehealth" as const,
    datetime: "2099-03-02T10:00:00-0500",
    organizationId: id("A"),
    teamId,
    examineeName: "Probe Person",
    examineePhone: "+12125550100",
  });

  it("answers a team of another organization and a team that does not exist alike, and asks Acuity nothing", async () => {
    // An Acuity nobody answers at: the refusal must come before any call to it.
    Object.assign(process.env, {
      ACUITY_USER_ID: "1",
      ACUITY_API_KEY: "unused",
      ACUITY_BASE_URL: "http://127.0.0.1:9",
    });
    const book = defineAction(createBookingDefinition, as(actors.memberA1));
    const otherOrganizations = await book(bookingInput(id("B1")));
    const missing = await book(bookingInput(id("no-such-team")));
    expect(otherOrganizations).toMatchObject({ ok: false, fieldErrors: { teamId: expect.any(Array) } });
    expect(missing).toEqual(otherOrganizations);
    // Refused before the idempotency key was claimed, let alone Acuity called.
    const claimed = await getDb()
      .select()
      .from(bookingRequests)
      .where(eq(bookingRequests.idempotencyKey, `team-probe-${id("B1")}`));
    expect(claimed).toEqual([]);
  });
});
