import { ActionForm } from "@/components/admin/action-form";
import { RecordedReasonField } from "@/components/admin/recorded-reason-field";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Admin → Users: remove a user's second factor (they lost their phone and their backup codes).
 * The reason is recorded; the user is signed out and enrols again at their next sign-in.
 */
export function ResetTwoFactorForm({
  user,
  action,
}: {
  user: { id: string; name: string };
  action: (form: FormData) => Promise<ActionResult<unknown>>;
}) {
  return (
    <details className="text-left" data-testid="reset-two-factor">
      <summary className="min-h-6 cursor-pointer text-sm text-indigo-700 underline">Reset two-factor</summary>
      <ActionForm
        action={action}
        submitLabel="Reset two-factor"
        variant="danger"
        confirmText={`Remove ${user.name}'s second factor? They are signed out and set it up again at their next sign-in.`}
        successText="Second factor removed — the user sets up a new one at their next sign-in."
        className="mt-2 flex w-96 max-w-full flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      >
        <input type="hidden" name="userId" value={user.id} />
        <RecordedReasonField
          label={
            <>
              Reason (recorded)<span className="sr-only"> for resetting {user.name}&apos;s two-factor</span>
            </>
          }
          id={`reset-two-factor-reason-${user.id}`}
          width="w-56"
        />
      </ActionForm>
    </details>
  );
}
