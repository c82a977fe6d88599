import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import type { AdminRequest } from "@/lib/admin/better-auth";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/authz/actor";
import { standingOf } from "@/lib/auth/session-standing";
import { enrolForTest } from "./two-factor";

export const TEST_IP = "198.51.100.23";

/**
 * A real platform admin with a real better-auth session: admin-plugin endpoints (ban, set
 * password, revoke sessions) check the caller's session, so tests pass its cookie like a browser.
 * Admins must use two-factor: this one is enrolled and signed in with a code, so the actor's
 * session counts as two-factor (impersonation needs that).
 */
export async function createSignedInAdmin(): Promise<{ actor: Actor; request: AdminRequest; email: string }> {
  const tag = randomBytes(4).toString("hex");
  const email = `admin-${tag}@console.test`;
  const password = `password-${tag}-long`;
  const { user } = await getAuth().api.createUser({
    body: { email, name: `Console Admin ${tag}`, password, role: "admin" },
  });
  const enrolment = await enrolForTest(user.id);
  const cookieOf = (headers: Headers) =>
    headers
      .getSetCookie()
      .filter((c) => !/max-age=0/i.test(c))
      .map((c) => c.split(";")[0])
      .join("; ");
  const passwordStep = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  const codeStep = await getAuth().api.verifyTOTP({
    body: { code: enrolment.code() },
    headers: new Headers({ cookie: cookieOf(passwordStep.headers) }),
    returnHeaders: true,
  });
  const cookie = cookieOf(codeStep.headers);
  const session = await getAuth().api.getSession({
    headers: new Headers({ cookie }),
    query: { disableCookieCache: true },
  });
  const actor = (await standingOf(getDb(), session!))!.actor;
  return { actor, email, request: { authHeaders: async () => new Headers({ cookie }) } };
}

/** The request resolver defineAction takes, for a given actor. */
export const as = (actor: Actor) => async (): Promise<RequestActor> => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: TEST_IP, userAgent: "vitest" }),
});
