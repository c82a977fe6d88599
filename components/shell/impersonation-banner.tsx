import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { findUserName } from "@/lib/users/find-user-name";
import { ImpersonationCountdown } from "./impersonation-countdown";
import { StopImpersonatingButton } from "./stop-impersonating-button";

/** Always visible while impersonating: who you are, whom you act as, the time left, and the way out. */
export async function ImpersonationBanner({ actor, expiresAt }: { actor: Actor; expiresAt: string }) {
  const adminName = actor.impersonatorId ? await findUserName(getDb(), actor.impersonatorId) : null;
  return (
    <div role="status" data-testid="impersonation-banner" className="bg-amber-400 text-amber-950">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2 text-sm">
        <strong>Impersonating {actor.name}</strong>
        <span>
          ({actor.email}) — you are {adminName ?? "an administrator"}. Everything you do is recorded for both
          of you.
        </span>
        <ImpersonationCountdown expiresAt={expiresAt} />
        <StopImpersonatingButton />
      </div>
    </div>
  );
}
