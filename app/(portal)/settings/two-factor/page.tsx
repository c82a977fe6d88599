import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { SettingsNav } from "@/components/settings/settings-nav";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { canManageOwnTwoFactor } from "@/lib/authz/policy";
import { TWO_FACTOR_SETUP_PATH } from "@/lib/two-factor/requirement";
import { twoFactorStatusOf } from "@/lib/two-factor/two-factor-status";
import { disableOwnTwoFactorAction, setOrganizationTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/**
 * Whether the account signs in with a second factor, the way to set it up or (with a backup code)
 * turn it off, and — for an organization's owner — whether its members must use it.
 */
export default async function TwoFactorSettingsPage() {
  const actor = await requireActor();
  const status = await twoFactorStatusOf(getDb(), actor);
  const manage = canManageOwnTwoFactor(actor);
  return (
    <section className="mx-auto max-w-2xl">
      <SettingsNav current="/settings/two-factor" />
      <h1 className="text-2xl font-semibold">Two-factor sign-in</h1>
      <p className="mt-1 text-sm text-slate-600">
        After your password, a 6-digit code from an authenticator app on your phone.
      </p>
      {!manage && (
        <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are impersonating {actor.name}: only they can change their two-factor sign-in. As an admin, use
          Admin → Users.
        </p>
      )}

      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="two-factor-status">
        <p className="text-sm font-medium">
          {status.enabled ? "Two-factor sign-in is on." : "Two-factor sign-in is off."}{" "}
          <span className="font-normal text-slate-600">
            {status.required
              ? "Your account must use it (it reaches medical records, or your organization requires it)."
              : "It is optional for your account, and recommended."}
          </span>
        </p>
        {manage && !status.enabled && (
          <p className="mt-3 text-sm">
            <Link href={TWO_FACTOR_SETUP_PATH} className="text-indigo-700 underline hover:no-underline">
              Set up two-factor sign-in
            </Link>
          </p>
        )}
        {manage && status.enabled && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h2 className="text-base font-semibold">
              {status.required ? "New phone? Set it up again" : "Turn two-factor sign-in off"}
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              Enter one of your backup codes to prove it is you (it is used up).{" "}
              {status.required
                ? "You then set up your authenticator again straight away."
                : "You can set it up again any time."}{" "}
              Lost your backup codes too? Ask a portal admin to reset it.
            </p>
            <ActionForm
              action={disableOwnTwoFactorAction}
              submitLabel={status.required ? "Remove and set up again" : "Turn off"}
              variant="danger"
              className="mt-3 flex flex-wrap items-end gap-2"
              testId="disable-two-factor"
            >
              <FormField label="Backup code" name="backupCode" size="compact">
                <input
                  name="backupCode"
                  required
                  autoComplete="off"
                  spellCheck={false}
                  className={`${compactControlClass} w-48 font-mono`}
                />
              </FormField>
            </ActionForm>
          </div>
        )}
      </div>

      {manage && status.ownedOrganizations.length > 0 && (
        <>
          <h2 className="mt-10 text-lg font-semibold">Your organization</h2>
          <p className="mt-1 text-sm text-slate-600">
            As its owner, you can require two-factor sign-in of every member: those who have not set it up are
            asked to at their next page.
          </p>
          {status.ownedOrganizations.map((organization) => (
            <ActionForm
              key={organization.id}
              action={setOrganizationTwoFactorAction}
              submitLabel="Save"
              variant="secondary"
              successText="Saved."
              className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4"
              testId={`organization-two-factor-${organization.id}`}
            >
              <input type="hidden" name="organizationId" value={organization.id} />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="requireTwoFactor"
                  defaultChecked={organization.requireTwoFactor}
                />
                Require two-factor sign-in for every member of {organization.name}
              </label>
            </ActionForm>
          ))}
        </>
      )}
    </section>
  );
}
