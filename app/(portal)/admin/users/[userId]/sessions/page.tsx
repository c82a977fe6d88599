import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionActionButton } from "@/components/sessions/session-action-button";
import { SessionList } from "@/components/sessions/session-list";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { canManageUserSessions } from "@/lib/authz/policy";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { findSessionOwner } from "@/lib/sessions/find-session-owner";
import { LAST_SEEN_MINUTES } from "@/lib/sessions/last-seen";
import { listActiveSessions } from "@/lib/sessions/list-sessions";
import { adminEndAllSessionsAction, adminEndSessionAction } from "./actions";

export const metadata: Metadata = { title: "User sessions" };

/**
 * Admin → Users → a user's sessions: where the account is signed in (an admin's impersonation of
 * it included, named), with a sign-out for each and for all. Audited as the admin.
 */
export default async function AdminUserSessionsPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requireAdminConsole();
  const { userId } = await params;
  const db = getDb();
  const owner = await findSessionOwner(db, userId);
  if (!owner) notFound();
  const [sessions, viewerZone] = await Promise.all([listActiveSessions(db, owner.id), viewerTimeZone()]);
  const manage = canManageUserSessions(actor, owner);
  return (
    <section>
      <p className="text-sm">
        <Link href="/admin/users" className="text-indigo-700 underline hover:no-underline">
          ← Users
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Sessions of {owner.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {owner.email} has {sessions.length === 1 ? "1 active session" : `${sessions.length} active sessions`}.
        “Last seen” is accurate to within {LAST_SEEN_MINUTES} minutes. Signing a session out is recorded in
        the audit trail under your name.
      </p>
      {owner.id === actor.userId && (
        <p className="mt-3 text-sm text-slate-700">
          These are your own sessions: sign them out under{" "}
          <Link href="/settings/security" className="text-indigo-700 underline hover:no-underline">
            Settings → Security
          </Link>
          , where the one you are using stays.
        </p>
      )}
      <div className="max-w-3xl">
        <SessionList
          sessions={sessions}
          currentSessionId={null}
          viewerZone={viewerZone}
          endAction={manage ? adminEndSessionAction : undefined}
          hidden={{ userId: owner.id }}
          impersonationLabel={(admin) => `Impersonation by ${admin.name}`}
        />
        {manage && sessions.length > 0 && (
          <div className="mt-3 flex justify-end">
            <SessionActionButton
              action={adminEndAllSessionsAction}
              fields={{ userId: owner.id }}
              label="Sign out of all devices"
              variant="danger"
              successText="Every session of this user is signed out."
              testId="end-all-sessions"
            />
          </div>
        )}
      </div>
    </section>
  );
}
