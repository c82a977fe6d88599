import { beforeAll, describe, expect, it } from "vitest";
import { defineAction, type ActionDefinition } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { canUseAdminConsole } from "@/lib/authz/policy";
import { startImpersonationSchema } from "@/lib/impersonation/schemas";
import { startImpersonation } from "@/lib/impersonation/start-impersonation";
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

/**
 * The impersonate action as app/(portal)/admin/users/actions.ts wires it (defineAction,
 * authorize = canUseAdminConsole, startImpersonation), except that the better-auth session
 * is replaced by a list of the sessions it was asked to open.
 */
function impersonateAs(actor: Actor) {
  const opened: string[] = [];
  const definition: ActionDefinition<typeof startImpersonationSchema, { userId: string }> = {
    input: startImpersonationSchema,
    authorize: canUseAdminConsole,
    run: (context, input) => startImpersonation(context, input, async (userId) => void opened.push(userId)),
  };
  return { opened, impersonate: defineAction(definition, as(actor)) };
}

describe("who may start an impersonation", () => {
  it.each([
    ["a referrer", () => actors.memberA1],
    ["an organization owner", () => actors.ownerA],
    ["a specialist", () => actors.specialistS1],
    ["an admin while impersonating a referrer", () => ({ ...actors.memberA1, impersonatorId: actors.platformAdmin.userId })],
    ["an admin in an impersonated admin session", () => ({ ...actors.platformAdmin, impersonatorId: actors.platformAdmin.userId })],
  ])("%s is refused: no session is opened and no audit row is written", async (_label, pick) => {
    const { opened, impersonate } = impersonateAs(pick());
    const result = await impersonate({ userId: id("memberB1"), reason: "Checking what they see" });
    expect(result).toEqual({ ok: false, error: "Not found.", fieldErrors: {} });
    expect(opened).toEqual([]);
    expect(await auditRowsFor("user", id("memberB1"))).toHaveLength(0);
  });

  // The control: the same wiring lets a real admin through, so the refusals above are the policy's.
  it("lets a platform admin acting as themselves start one, audited with the reason", async () => {
    const { opened, impersonate } = impersonateAs(actors.platformAdmin);
    const result = await impersonate({ userId: id("memberNoTeamA"), reason: "Ticket 5120" });
    expect(result).toEqual({ ok: true, data: { userId: id("memberNoTeamA") } });
    expect(opened).toEqual([id("memberNoTeamA")]);
    const rows = await auditRowsFor("user", id("memberNoTeamA"));
    expect(rows.map((row) => [row.action, row.userId, row.impersonatedUserId, row.metadata])).toEqual([
      ["impersonation.started", id("platformAdmin"), id("memberNoTeamA"), { reason: "Ticket 5120" }],
    ]);
  });
});
