import { ActionForm } from "@/components/admin/action-form";
import { Field, inputClass } from "@/components/admin/form-fields";
import { MembershipRows, type OrganizationChoice } from "@/components/admin/membership-rows";
import { createUserAction } from "@/app/(portal)/admin/users/actions";

/** Creates an account with a password, a platform role and any number of organization memberships. */
export function CreateUserForm({ organizations }: { organizations: OrganizationChoice[] }) {
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium text-indigo-700">Create a user</summary>
      <ActionForm
        action={createUserAction}
        submitLabel="Create user"
        successText="User created."
        className="mt-3 flex flex-wrap items-end gap-3"
        testId="create-user-form"
      >
        <Field label="Name">
          <input name="name" required className={inputClass} />
        </Field>
        <Field label="E-mail">
          <input name="email" type="email" required className={inputClass} />
        </Field>
        <Field label="Password (10+ characters)">
          <input
            name="password"
            type="password"
            minLength={10}
            required
            autoComplete="new-password"
            className={inputClass}
          />
        </Field>
        <Field label="Platform role">
          <select name="role" defaultValue="user" className={inputClass}>
            <option value="user">User (referrer or specialist)</option>
            <option value="admin">Administrator</option>
          </select>
        </Field>
        <MembershipRows organizations={organizations} />
      </ActionForm>
    </details>
  );
}
