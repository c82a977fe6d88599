import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";
import { defineAction } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { startImpersonationDefinition } from "@/lib/impersonation/impersonation-definitions";
import { as } from "../support/admin-session";
import { auditRowsFor } from "../support/audit-rows";
import { buildActors, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

let id: IdOf;
let actors: ReturnType<typeof buildActors>;
beforeAll(async () => {
  ({ id } = await insertAuthzWorld());
  actors = buildActors(id);
});

/** The fixture's admin in a session that passed the second factor (impersonation requires it). */
const verifiedAdmin = () => ({ ...actors.platformAdmin, secondFactorVerified: true });

/**
 * The impersonate action's own definition (app/(portal)/admin/users/actions.ts wraps the same
 * one), with the better-auth session replaced by a list of the sessions it was asked to open.
 */
function impersonateAs(actor: Actor) {
  const opened: string[] = [];
  const definition = startImpersonationDefinition(async (userId) => void opened.push(userId));
  return { opened, impersonate: defineAction(definition, as(actor)) };
}

describe("who may start an impersonation", () => {
  it.each([
    ["a referrer", () => actors.memberA1],
    ["an organization owner", () => actors.ownerA],
    ["a specialist", () => actors.specialistS1],
    [
      "an admin while impersonating a referrer",
      () => ({ ...actors.memberA1, impersonatorId: actors.platformAdmin.userId }),
    ],
    [
      "an admin in an impersonated admin session",
      () => ({ ...actors.platformAdmin, impersonatorId: actors.platformAdmin.userId }),
    ],
  ])("%s is refused: no session is opened and no audit row is written", async (_label, pick) => {
    const { opened, impersonate } = impersonateAs(pick());
    const result = await impersonate({ userId: id("memberB1"), reason: "Checking what they see" });
    expect(result).toEqual({ ok: false, code: "not_found", error: "Not found.", fieldErrors: {} });
    expect(opened).toEqual([]);
    expect(await auditRowsFor("user", id("memberB1"))).toHaveLength(0);
  });

  it("refuses a platform admin whose session did not pass the second factor (password alone)", async () => {
    const { opened, impersonate } = impersonateAs({ ...actors.platformAdmin, secondFactorVerified: false });
    const result = await impersonate({ userId: id("memberNoTeamA"), reason: "Ticket 5119" });
    expect(result).toMatchObject({
      ok: false,
      code: "forbidden",
      error: expect.stringMatching(/two-factor code/),
    });
    expect(opened).toEqual([]);
    expect(await auditRowsFor("user", id("memberNoTeamA"))).toHaveLength(0);
  });

  // The control: the same wiring lets a real admin through, so the refusals above are the policy's.
  it("lets a platform admin acting as themselves, signed in with the second factor, start one, audited with the reason", async () => {
    const { opened, impersonate } = impersonateAs(verifiedAdmin());
    const result = await impersonate({ userId: id("memberNoTeamA"), reason: "Ticket 5120" });
    expect(result).toEqual({ ok: true, data: { userId: id("memberNoTeamA") } });
    expect(opened).toEqual([id("memberNoTeamA")]);
    const rows = await auditRowsFor("user", id("memberNoTeamA"));
    expect(rows.map((row) => [row.action, row.userId, row.impersonatedUserId, row.metadata])).toEqual([
      ["impersonation.started", id("platformAdmin"), id("memberNoTeamA"), { reason: "Ticket 5120" }],
    ]);
  });

  it("refuses the system account (not a person), saying so, with nothing opened or audited", async () => {
    const systemUserId = await getSystemUserId(getDb());
    const { opened, impersonate } = impersonateAs(verifiedAdmin());
    const result = await impersonate({ userId: systemUserId, reason: "Curious what Acuity sees" });
    expect(result).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "The system account is not a person and cannot be impersonated.",
    });
    expect(opened).toEqual([]);
    expect(
      (await auditRowsFor("user", systemUserId)).filter((row) => row.action === "impersonation.started"),
    ).toEqual([]);
  });
});
