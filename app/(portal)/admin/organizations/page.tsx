import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { listOrganizationsForAdmin, TRIAGE_ORGANIZATION_SLUG } from "@/lib/organizations/list-organizations";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Organizations" };

export default async function AdminOrganizationsPage() {
  await requireAdminConsole();
  const organizations = await listOrganizationsForAdmin(getDb());
  return (
    <section>
      <h1 className="text-2xl font-semibold">Organizations</h1>
      <p className="mt-1 text-sm text-slate-600">The referrers’ organizations, their teams and members.</p>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">New organization</h2>
        <ActionForm
          action={createOrganizationAction}
          submitLabel="Create organization"
          successText="Organization created."
          className="mt-2 flex flex-wrap items-end gap-3"
          testId="create-organization-form"
        >
          <FormField label="Name" name="name" size="compact">
            <input name="name" required minLength={2} className={`${compactControlClass} w-72 max-w-full`} />
          </FormField>
          <FormField label="First team (optional)" name="firstTeamName" size="compact">
            <input name="firstTeamName" className={`${compactControlClass} w-56 max-w-full`} />
          </FormField>
        </ActionForm>
      </div>
      {organizations.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          No organizations yet — create the first above.
        </p>
      ) : (
        <div className="relative mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th className="px-4 py-3">Organization</th>
                <th className="px-4 py-3">Members</th>
                <th className="px-4 py-3">Teams</th>
                <th className="px-4 py-3">Active bookings</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {organizations.map((o) => {
                const triage = o.slug === TRIAGE_ORGANIZATION_SLUG;
                return (
                  <tr
                    key={o.id}
                    data-testid={`organization-row-${o.slug}`}
                    className={triage ? "bg-amber-50" : undefined}
                  >
                    <td className="px-4 py-3 font-medium">
                      <Link
                        href={`/admin/organizations/${o.id}`}
                        className="text-indigo-700 underline hover:no-underline"
                      >
                        {o.name}
                      </Link>
                      {triage && (
                        <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs text-amber-900">
                          Triage — Acuity bookings with no known organization
                        </span>
                      )}
                    </td>
                    <td className="px-4 py-3">{o.memberCount}</td>
                    <td className="px-4 py-3">{o.teamCount}</td>
                    <td className="px-4 py-3">
                      <Link
                        href={`/admin/bookings?view=all&organization=${o.id}`}
                        className="text-indigo-700 underline hover:no-underline"
                      >
                        {o.activeBookingCount}
                        {triage && o.activeBookingCount > 0 ? " to move" : ""}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
