import { Timestamp } from "@/components/ui/timestamp";
import type { ActionResult } from "@/lib/actions/result";
import type { ActiveSession } from "@/lib/sessions/list-sessions";
import { SessionActionButton } from "./session-action-button";

/**
 * The sessions of one account, as cards that read the same on a phone and a desk: device,
 * address, signed in, last seen, "This device", and an admin's impersonation named as such.
 * `endAction` (absent: a list to read only) signs one out; `hidden` adds fields it needs.
 */
export function SessionList({
  sessions,
  currentSessionId,
  viewerZone,
  endAction,
  hidden = {},
  impersonationLabel,
}: {
  sessions: ActiveSession[];
  currentSessionId: string | null;
  viewerZone: string | null;
  endAction?: (form: FormData) => Promise<ActionResult<unknown>>;
  hidden?: Record<string, string>;
  /** How an impersonation session is named to this viewer. */
  impersonationLabel: (admin: { name: string }) => string;
}) {
  if (sessions.length === 0)
    return (
      <p className="mt-4 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        No active sessions: nobody is signed in to this account.
      </p>
    );
  return (
    <ul
      className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
      aria-label="Active sessions"
    >
      {sessions.map((session) => {
        const isCurrent = session.id === currentSessionId;
        return (
          <li
            key={session.id}
            data-testid="session-row"
            data-current={isCurrent || undefined}
            className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                <span data-testid="session-device">{session.device}</span>
                {isCurrent && (
                  <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">
                    This device
                  </span>
                )}
                {session.impersonatedBy && (
                  <span
                    data-testid="session-impersonation"
                    className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
                  >
                    {impersonationLabel(session.impersonatedBy)}
                  </span>
                )}
              </p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
                <dt className="whitespace-nowrap text-slate-600">Address</dt>
                <dd data-testid="session-address" className="break-all">
                  {session.ipAddress ?? "not recorded"}
                </dd>
                <dt className="whitespace-nowrap text-slate-600">Signed in</dt>
                <dd>
                  <Timestamp instant={session.signedInAt} viewerZone={viewerZone} />
                </dd>
                <dt className="whitespace-nowrap text-slate-600">Last seen</dt>
                <dd>
                  {isCurrent ? "Now" : <Timestamp instant={session.lastSeenAt} viewerZone={viewerZone} />}
                </dd>
              </dl>
            </div>
            {endAction && !isCurrent && (
              <SessionActionButton
                action={endAction}
                fields={{ ...hidden, sessionId: session.id }}
                label="Sign out"
                accessibleName={`Sign out ${session.device}, last seen from ${session.ipAddress ?? "an unrecorded address"}`}
                testId="end-session"
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
