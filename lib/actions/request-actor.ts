import { headers } from "next/headers";
import { getCurrentActor } from "@/lib/auth/current-session";
import type { AuditContext } from "@/lib/audit/request-context";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";

export interface RequestActor {
  actor: Actor;
  auditContext: AuditContext;
}

/** The audit identity of an actor: the admin acts, the impersonated user is recorded beside. */
export function auditContextFor(
  actor: Actor,
  request: Pick<AuditContext, "ipAddress" | "userAgent">,
): AuditContext {
  return {
    actorUserId: actor.impersonatorId ?? actor.userId,
    impersonatedUserId: actor.impersonatorId ? actor.userId : null,
    ...request,
  };
}

export async function resolveRequestActor(): Promise<RequestActor | null> {
  const actor = await getCurrentActor();
  if (!actor) return null;
  return { actor, auditContext: auditContextFor(actor, requestInfoFromHeaders(await headers())) };
}
