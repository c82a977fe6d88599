import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import {
  addTeamMemberAction,
  createTeamAction,
  deleteTeamAction,
  removeTeamMemberAction,
  renameTeamAction,
} from "@/app/(portal)/admin/organizations/actions";

interface Team {
  id: string;
  name: string;
  members: { userId: string; name: string }[];
}

export function OrganizationTeams({
  organizationId,
  teams,
  members,
}: {
  organizationId: string;
  teams: Team[];
  members: { userId: string; name: string }[];
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-medium">Teams ({teams.length})</h2>
      <ul className="mt-2 flex flex-col gap-3">
        {teams.map((team) => {
          const outside = members.filter((m) => !team.members.some((tm) => tm.userId === m.userId));
          return (
            <li
              key={team.id}
              data-testid={`team-${team.name}`}
              className="rounded-md border border-slate-100 p-3"
            >
              <div className="flex flex-wrap items-end gap-3">
                <ActionForm action={renameTeamAction} submitLabel="Rename" variant="secondary">
                  <input type="hidden" name="teamId" value={team.id} />
                  <input
                    name="name"
                    defaultValue={team.name}
                    aria-label={`Name of team ${team.name}`}
                    required
                    className={`${compactControlClass} w-56 max-w-full font-medium`}
                  />
                </ActionForm>
                <ActionForm
                  action={deleteTeamAction}
                  submitLabel="Delete team"
                  variant="danger"
                  confirmText={`Delete the team ${team.name}?`}
                >
                  <input type="hidden" name="teamId" value={team.id} />
                </ActionForm>
              </div>
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {team.members.length === 0 && <li className="text-slate-600">No members.</li>}
                {team.members.map((tm) => (
                  <li
                    key={tm.userId}
                    className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3"
                  >
                    {tm.name}
                    <ActionForm
                      action={removeTeamMemberAction}
                      submitLabel="×"
                      variant="secondary"
                      className="inline-flex"
                    >
                      <input type="hidden" name="teamId" value={team.id} />
                      <input type="hidden" name="userId" value={tm.userId} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
              {outside.length > 0 && (
                <ActionForm
                  action={addTeamMemberAction}
                  submitLabel="Add to team"
                  variant="secondary"
                  className="mt-2 flex items-end gap-2"
                >
                  <input type="hidden" name="teamId" value={team.id} />
                  <select
                    name="userId"
                    aria-label={`Member to add to ${team.name}`}
                    className={compactControlClass}
                  >
                    {outside.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </ActionForm>
              )}
            </li>
          );
        })}
      </ul>
      <ActionForm
        action={createTeamAction}
        submitLabel="Create team"
        successText="Team created."
        className="mt-3 flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="organizationId" value={organizationId} />
        <FormField label="New team name" name="name" id="create-team-name" size="compact">
          <input name="name" required minLength={2} className={`${compactControlClass} w-56 max-w-full`} />
        </FormField>
      </ActionForm>
    </div>
  );
}
