import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/sessions/change-password-form";
import { SessionActionButton } from "@/components/sessions/session-action-button";
import { SessionList } from "@/components/sessions/session-list";
import { SettingsNav } from "@/components/settings/settings-nav";
import { getDb } from "@/db/client";
import { getCurrentSession, requireActor } from "@/lib/auth/current-session";
import { canManageOwnSessions } from "@/lib/authz/policy";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { LAST_SEEN_MINUTES } from "@/lib/sessions/last-seen";
import { listActiveSessions } from "@/lib/sessions/list-sessions";
import { changePasswordAction, endOtherSessionsAction, endSessionAction } from "./actions";

export const metadata: Metadata = { title: "Security settings" };

/** The two-factor settings (app/(portal)/settings/two-factor): status, set up, turn off. */
const TWO_FACTOR_SETTINGS_HREF = "/settings/two-factor";

/**
 * Everywhere the account is signed in, with a sign-out for each other session and for all of
 * them; the password change; the way to two-factor. An admin impersonating sees the list (their
 * own impersonation marked as this device) and changes nothing.
 */
export default async function SecuritySettingsPage() {
  const actor = await requireActor();
  const [session, viewerZone] = await Promise.all([getCurrentSession(), viewerTimeZone()]);
  const sessions = await listActiveSessions(getDb(), actor.userId);
  const currentSessionId = session?.session.id ?? null;
  const manage = canManageOwnSessions(actor);
  const others = sessions.filter((s) => s.id !== currentSessionId).length;
  return (
    <section className="mx-auto max-w-2xl">
      <SettingsNav current="/settings/security" />
      <h1 className="text-2xl font-semibold">Security</h1>
      {!manage && (
        <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are impersonating {actor.name}: you see their sessions, but only they can sign them out or
          change their password. As an admin, use Admin → Users.
        </p>
      )}

      <h2 className="mt-6 text-lg font-semibold">Where you are signed in</h2>
      <p className="mt-1 text-sm text-slate-600">
        Every browser signed in to your account. “Last seen” is accurate to within {LAST_SEEN_MINUTES}{" "}
        minutes. A session marked “Administrator” is portal support using your account (impersonation): it
        ends after an hour, and you can sign it out. Anything you do not recognise: sign it out and change
        your password.
      </p>
      <SessionList
        sessions={sessions}
        currentSessionId={currentSessionId}
        viewerZone={viewerZone}
        endAction={manage ? endSessionAction : undefined}
        impersonationLabel={(admin) =>
          actor.impersonatorId
            ? `Administrator ${admin.name} impersonating`
            : `Administrator ${admin.name} (support)`
        }
      />
      {manage && others > 0 && (
        <div className="mt-3 flex justify-end">
          <SessionActionButton
            action={endOtherSessionsAction}
            fields={{}}
            label={`Sign out all other sessions (${others})`}
            successText="Every other session is signed out."
            testId="end-other-sessions"
          />
        </div>
      )}

      {manage && (
        <>
          <h2 className="mt-10 text-lg font-semibold">Change password</h2>
          <p className="mt-1 text-sm text-slate-600">
            Changing your password signs out every other session; this one stays signed in.
          </p>
          <ChangePasswordForm action={changePasswordAction} />

          <h2 className="mt-10 text-lg font-semibold">Two-factor sign-in</h2>
          <p className="mt-1 text-sm text-slate-600">
            A code from an authenticator app on your phone at every sign-in.{" "}
            <Link href={TWO_FACTOR_SETTINGS_HREF} className="text-indigo-700 underline hover:no-underline">
              Two-factor settings
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
