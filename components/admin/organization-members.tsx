import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import {
  addMemberAction,
  removeMemberAction,
  setMemberRoleAction,
} from "@/app/(portal)/admin/organizations/actions";

interface Member {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  banned: boolean | null;
  teamIds: string[];
}

const roleOptions = (
  <>
    <option value="member">Member</option>
    <option value="admin">Admin</option>
    <option value="owner">Owner</option>
  </>
);

export function OrganizationMembers({
  organizationId,
  members,
  teams,
}: {
  organizationId: string;
  members: Member[];
  teams: { id: string; name: string }[];
}) {
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-medium">Members ({members.length})</h2>
      {members.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No members yet — add an existing user or invite someone below.
        </p>
      ) : (
        // A member's row (name, e-mail, role and team controls) is wider than a phone: it scrolls
        // inside this box, not the page.
        <div className="relative mt-2 overflow-x-auto">
          <table className="min-w-full text-sm">
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => (
                <tr key={m.memberId} data-testid={`member-row-${m.email}`}>
                  <td className="py-2 pr-4 font-medium">
                    {m.name}
                    {m.banned ? " (banned)" : ""}
                  </td>
                  <td className="py-2 pr-4 text-slate-600">{m.email}</td>
                  <td className="py-2 pr-4 text-slate-600">
                    {m.teamIds.map((t) => teamName.get(t)).join(", ") || "no team"}
                  </td>
                  <td className="py-2 pr-4">
                    <ActionForm action={setMemberRoleAction} submitLabel="Set role" variant="secondary">
                      <input type="hidden" name="organizationId" value={organizationId} />
                      <input type="hidden" name="memberId" value={m.memberId} />
                      <select
                        name="role"
                        defaultValue={m.role.split(",")[0]}
                        aria-label={`Role of ${m.name}`}
                        className={compactControlClass}
                      >
                        {roleOptions}
                      </select>
                    </ActionForm>
                  </td>
                  <td className="py-2">
                    <ActionForm
                      action={removeMemberAction}
                      submitLabel="Remove"
                      variant="danger"
                      confirmText={`Remove ${m.name} from the organization and its teams?`}
                    >
                      <input type="hidden" name="organizationId" value={organizationId} />
                      <input type="hidden" name="memberId" value={m.memberId} />
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ActionForm
        action={addMemberAction}
        submitLabel="Add member"
        successText="Member added."
        className="mt-3 flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="organizationId" value={organizationId} />
        <FormField label="E-mail of an existing user" name="email" id="add-member-email" size="compact">
          <input name="email" type="email" required className={`${compactControlClass} w-64 max-w-full`} />
        </FormField>
        <FormField label="Role" name="role" id="add-member-role" size="compact">
          <select name="role" defaultValue="member" className={compactControlClass}>
            {roleOptions}
          </select>
        </FormField>
        <FormField label="Team (optional)" name="teamId" id="add-member-team" size="compact">
          <select name="teamId" defaultValue="" className={compactControlClass}>
            <option value="">— none —</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </FormField>
      </ActionForm>
    </div>
  );
}
