import { ActionForm } from "@/components/admin/action-form";
import { Field, inputClass } from "@/components/admin/form-fields";
import { createUserAction } from "@/app/(portal)/admin/users/actions";

/** Creates an account with a password, platform role and (optionally) a first organization and team. */
export function CreateUserForm({ organizations }: { organizations: { id: string; name: string; teams: { id: string; name: string }[] }[] }) {
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium text-indigo-700">Create a user</summary>
      <ActionForm action={createUserAction} submitLabel="Create user" successText="User created." className="mt-3 flex flex-wrap items-end gap-3" testId="create-user-form">
        <Field label="Name"><input name="name" required className={inputClass} /></Field>
        <Field label="E-mail"><input name="email" type="email" required className={inputClass} /></Field>
        <Field label="Password (10+ characters)"><input name="password" type="password" minLength={10} required autoComplete="new-password" className={inputClass} /></Field>
        <Field label="Platform role">
          <select name="role" defaultValue="user" className={inputClass}>
            <option value="user">User (referrer or specialist)</option>
            <option value="admin">Administrator</option>
          </select>
        </Field>
        <Field label="Organization (optional)">
          <select name="organizationId" defaultValue="" className={inputClass}>
            <option value="">— none —</option>
            {organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </Field>
        <Field label="Organization role">
          <select name="organizationRole" defaultValue="member" className={inputClass}>
            <option value="member">Member</option>
            <option value="admin">Admin</option>
            <option value="owner">Owner</option>
          </select>
        </Field>
        <Field label="Team (optional)">
          <select name="teamId" defaultValue="" className={inputClass}>
            <option value="">— none —</option>
            {organizations.flatMap((o) => o.teams.map((t) => <option key={t.id} value={t.id}>{o.name} · {t.name}</option>))}
          </select>
        </Field>
      </ActionForm>
    </details>
  );
}
