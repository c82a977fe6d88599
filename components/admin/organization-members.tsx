import { ActionForm } from "@/components/admin/action-form";
import { Field, inputClass } from "@/components/admin/form-fields";
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
        <table className="mt-2 min-w-full text-sm">
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
                      className={inputClass}
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
      )}
      <ActionForm
        action={addMemberAction}
        submitLabel="Add member"
        successText="Member added."
        className="mt-3 flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="organizationId" value={organizationId} />
        <Field label="E-mail of an existing user">
          <input name="email" type="email" required className={`${inputClass} w-64`} />
        </Field>
        <Field label="Role">
          <select name="role" defaultValue="member" className={inputClass}>
            {roleOptions}
          </select>
        </Field>
        <Field label="Team (optional)">
          <select name="teamId" defaultValue="" className={inputClass}>
            <option value="">— none —</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </ActionForm>
    </div>
  );
}
