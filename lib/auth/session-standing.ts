import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { loadActorWithStanding, type LoadedActor } from "@/lib/authz/load-actor";
import { mustUseTwoFactor } from "@/lib/two-factor/requirement";

/** What of better-auth's session the standing needs (its user and session rows). */
export interface SessionForStanding {
  user: { id: string; twoFactorEnabled?: boolean | null };
  session: { impersonatedBy?: string | null; twoFactorVerifiedAt?: Date | null };
}

export interface SessionStanding {
  actor: Actor;
  /** An admin, a specialist or a member of an organization that requires it, not enrolled yet. */
  mustEnrolTwoFactor: boolean;
}

/**
 * The actor of a signed-in session, and whether they still owe a second factor
 * (lib/two-factor/requirement.ts). An impersonation session is the admin's — who passed their
 * own second step to start it — and never owes one. Null when the user no longer exists.
 * One statement reads the actor and their organizations' two-factor setting together
 * (lib/authz/load-actor.ts): this runs on every signed-in request.
 */
export async function standingOf(db: DbOrTx, session: SessionForStanding): Promise<SessionStanding | null> {
  const loaded = await loadActorWithStanding(db, session.user.id, session.session.impersonatedBy ?? null);
  return loaded ? standingFromLoaded(session, loaded) : null;
}

/** The standing of a session whose actor was read already (with the session: lib/auth/read-session.ts). */
export function standingFromLoaded(session: SessionForStanding, loaded: LoadedActor): SessionStanding {
  const impersonatedBy = session.session.impersonatedBy ?? null;
  const actor: Actor = {
    ...loaded.actor,
    secondFactorVerified: Boolean(session.session.twoFactorVerifiedAt),
  };
  const mustEnrolTwoFactor =
    !impersonatedBy &&
    !session.user.twoFactorEnabled &&
    mustUseTwoFactor(actor, loaded.organizationsRequiringTwoFactor);
  return { actor, mustEnrolTwoFactor };
}
