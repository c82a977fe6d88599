import { ActionForm } from "@/components/admin/action-form";
import { Field, inputClass } from "@/components/admin/form-fields";
import {
  banUserAction,
  revokeUserSessionsAction,
  setUserPasswordAction,
  unbanUserAction,
} from "@/app/(portal)/admin/users/actions";

/** Ban/unban, password and session controls for one user row, folded away until opened. */
export function UserAccountControls({
  user,
}: {
  user: { id: string; name: string; banned: boolean | null };
}) {
  return (
    <details className="text-left">
      <summary className="cursor-pointer text-sm text-indigo-700">Manage</summary>
      <div className="mt-2 flex w-96 flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
        {user.banned ? (
          <ActionForm
            action={unbanUserAction}
            submitLabel="Unban"
            variant="secondary"
            successText="Unbanned."
          >
            <input type="hidden" name="userId" value={user.id} />
            <Field label="Reason (recorded)">
              <input
                name="reason"
                required
                minLength={3}
                maxLength={500}
                className={`${inputClass} w-48`}
                aria-label={`Unban reason for ${user.name}`}
              />
            </Field>
          </ActionForm>
        ) : (
          <ActionForm
            action={banUserAction}
            submitLabel="Ban"
            variant="danger"
            confirmText={`Ban ${user.name}? They are signed out at once.`}
          >
            <input type="hidden" name="userId" value={user.id} />
            <Field label="Reason (recorded)">
              <input
                name="reason"
                required
                minLength={3}
                maxLength={500}
                className={`${inputClass} w-48`}
                aria-label={`Ban reason for ${user.name}`}
              />
            </Field>
            <Field label="Days (empty = until unbanned)">
              <input name="days" type="number" min={1} className={`${inputClass} w-24`} />
            </Field>
          </ActionForm>
        )}
        <ActionForm
          action={setUserPasswordAction}
          submitLabel="Set password"
          variant="secondary"
          successText="Password changed — tell the user out of band."
        >
          <input type="hidden" name="userId" value={user.id} />
          <Field label="New password (10+ characters)">
            <input
              name="newPassword"
              type="password"
              minLength={10}
              required
              autoComplete="new-password"
              className={`${inputClass} w-48`}
            />
          </Field>
          <label className="flex items-center gap-1 text-xs text-slate-600">
            <input type="checkbox" name="signOutEverywhere" defaultChecked /> sign out everywhere
          </label>
        </ActionForm>
        <ActionForm
          action={revokeUserSessionsAction}
          submitLabel="Sign out of all devices"
          variant="secondary"
          successText="All sessions ended."
        >
          <input type="hidden" name="userId" value={user.id} />
        </ActionForm>
      </div>
    </details>
  );
}
