import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { RecordedReasonField } from "@/components/admin/recorded-reason-field";
import Link from "next/link";
import { banUserAction, setUserPasswordAction, unbanUserAction } from "@/app/(portal)/admin/users/actions";

/** Ban/unban, password and session controls for one user row, folded away until opened. */
export function UserAccountControls({
  user,
}: {
  user: { id: string; name: string; banned: boolean | null };
}) {
  return (
    <details className="text-left">
      <summary className="min-h-6 cursor-pointer text-sm text-indigo-700 underline">Manage</summary>
      <div className="mt-2 flex w-96 max-w-[85vw] flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
        {user.banned ? (
          <ActionForm
            action={unbanUserAction}
            submitLabel="Unban"
            variant="secondary"
            successText="Unbanned."
          >
            <input type="hidden" name="userId" value={user.id} />
            <RecordedReasonField id={`unban-reason-${user.id}`} />
          </ActionForm>
        ) : (
          <ActionForm
            action={banUserAction}
            submitLabel="Ban"
            variant="danger"
            confirmText={`Ban ${user.name}? They are signed out at once.`}
          >
            <input type="hidden" name="userId" value={user.id} />
            <RecordedReasonField id={`ban-reason-${user.id}`} />
            <FormField
              label="Days (empty = until unbanned)"
              name="days"
              id={`ban-days-${user.id}`}
              size="compact"
            >
              <input name="days" type="number" min={1} className={`${compactControlClass} w-24`} />
            </FormField>
          </ActionForm>
        )}
        <ActionForm
          action={setUserPasswordAction}
          submitLabel="Set password"
          variant="secondary"
          successText="Password changed — tell the user out of band."
        >
          <input type="hidden" name="userId" value={user.id} />
          <FormField
            label="New password (12+ characters, not a common one)"
            name="newPassword"
            id={`set-password-${user.id}`}
            size="compact"
          >
            <input
              name="newPassword"
              type="password"
              minLength={12}
              required
              autoComplete="new-password"
              className={`${compactControlClass} w-48`}
            />
          </FormField>
          <label className="flex min-h-6 items-center gap-1 text-xs text-slate-700">
            <input type="checkbox" name="signOutEverywhere" defaultChecked /> sign out everywhere
          </label>
        </ActionForm>
        {/* Each session with its device and address, signed out one by one or all at once. */}
        <Link
          href={`/admin/users/${user.id}/sessions`}
          className="text-sm text-indigo-700 underline hover:no-underline"
          data-testid="user-sessions-link"
        >
          Sessions and sign-out
        </Link>
      </div>
    </details>
  );
}
