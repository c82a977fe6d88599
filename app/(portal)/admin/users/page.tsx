import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { ImpersonateButton } from "@/components/admin/impersonate-button";
import { UserAccountControls } from "@/components/admin/user-account-controls";
import { UserListPager } from "@/components/admin/user-list-pager";
import { ResetTwoFactorForm } from "@/components/two-factor/reset-two-factor-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { Timestamp } from "@/components/ui/timestamp";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { canImpersonate, canManageUserAccount, canResetTwoFactorOf } from "@/lib/authz/policy";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { IMPERSONATION_ENDED_NOTICE } from "@/lib/impersonation/resume-admin-session";
import { listOrganizationsWithTeams } from "@/lib/organizations/list-organizations";
import { findUserName } from "@/lib/users/find-user-name";
import { listUsersForAdmin } from "@/lib/users/list-users";
import { membershipLabel, userKinds } from "@/lib/users/user-kinds";
import { parseUserListParams, USERS_PAGE_SIZE } from "@/lib/users/user-list-params";

import { resetTwoFactorAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireAdminConsole();
  const params = await searchParams;
  const state = parseUserListParams(params);
  const q = state.search;
  const db = getDb();
  const viewerZone = await viewerTimeZone();
  const [{ rows: users, total }, organizations] = await Promise.all([
    listUsersForAdmin(db, { search: q }, { pageIndex: state.pageIndex, pageSize: USERS_PAGE_SIZE }),
    listOrganizationsWithTeams(db),
  ]);
  // Set by /api/impersonation/resume: the admin's impersonation ran out and they are back as themselves.
  const impersonationEnded = params.notice === IMPERSONATION_ENDED_NOTICE;
  const impersonatedName =
    impersonationEnded && typeof params.user === "string" ? await findUserName(db, params.user) : null;
  return (
    <section>
      {impersonationEnded && (
        <p
          role="status"
          data-testid="impersonation-ended"
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Your impersonation{impersonatedName ? ` of ${impersonatedName}` : ""} ended: its hour was up. You
          are back in your own session.
        </p>
      )}
      <h1 className="text-2xl font-semibold">Users</h1>
      <p className="mt-1 text-sm text-slate-600" data-testid="user-count">
        {q ? `${total} users match “${q}”.` : `${total} users.`} Impersonate one to see the portal as they do.
      </p>
      {/* Submitting drops `page`: a new search starts on its first page. */}
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label="Users">
        <FormField label="Search users" name="q" size="compact">
          <input
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Name, e-mail or organization"
            className={`${compactControlClass} w-80 max-w-full`}
          />
        </FormField>
        <button className="min-h-6 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-none">
          Search
        </button>
      </form>
      <CreateUserForm organizations={organizations} />
      {users.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {total === 0 ? "No users match this search." : "This page is past the last one."}
        </p>
      ) : (
        <div className="relative mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th className="px-4 py-3">Name</th>
                <th className="px-4 py-3">E-mail</th>
                <th className="px-4 py-3">Role</th>
                <th className="px-4 py-3">Organizations</th>
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id} data-testid={`user-row-${user.email}`} className="align-top">
                  <td className="px-4 py-3 font-medium">{user.name}</td>
                  <td className="px-4 py-3">{user.email}</td>
                  <td className="px-4 py-3">
                    <span data-testid="user-kinds">{userKinds(user).join(", ")}</span>
                    {user.banned && (
                      <span
                        className="ml-1 rounded bg-rose-100 px-1.5 py-0.5 text-xs text-rose-800"
                        title={user.banReason ?? undefined}
                      >
                        banned
                        {user.banExpires && (
                          <>
                            {" "}
                            until <Timestamp instant={user.banExpires} viewerZone={viewerZone} />
                          </>
                        )}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-600">
                    {user.memberships.length > 0 ? user.memberships.map(membershipLabel).join(", ") : "—"}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <div className="flex flex-col items-end gap-2">
                      {canImpersonate(actor, user) && (
                        <ImpersonateButton userId={user.id} userName={user.name} />
                      )}
                      {canManageUserAccount(actor, user) && <UserAccountControls user={user} />}
                      {user.twoFactorEnabled && canResetTwoFactorOf(actor, user) && (
                        <ResetTwoFactorForm user={user} action={resetTwoFactorAction} />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <UserListPager state={state} total={total} pageSize={USERS_PAGE_SIZE} />
    </section>
  );
}
