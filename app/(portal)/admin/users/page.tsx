import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImpersonateButton } from "@/components/admin/impersonate-button";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { canImpersonate, canUseAdminConsole } from "@/lib/authz/policy";
import { listUsersForAdmin } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const actor = await requireActor();
  if (!canUseAdminConsole(actor)) notFound();
  const users = await listUsersForAdmin(getDb());
  return (
    <section>
      <h1 className="text-2xl font-semibold">Users</h1>
      <p className="mt-1 text-sm text-slate-600">{users.length} users. Impersonate one to see the portal as they do.</p>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-3">Name</th>
              <th className="px-4 py-3">E-mail</th>
              <th className="px-4 py-3">Role</th>
              <th className="px-4 py-3">Organizations</th>
              <th className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id} data-testid={`user-row-${user.email}`}>
                <td className="px-4 py-3 font-medium">{user.name}</td>
                <td className="px-4 py-3">{user.email}</td>
                <td className="px-4 py-3">{user.role ?? "user"}{user.banned ? " · banned" : ""}</td>
                <td className="px-4 py-3 text-slate-600">{user.organizations ?? "—"}</td>
                <td className="px-4 py-3 text-right">
                  {canImpersonate(actor, user) && <ImpersonateButton userId={user.id} userName={user.name} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
