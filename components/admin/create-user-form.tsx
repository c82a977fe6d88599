import { ActionForm } from "@/components/admin/action-form";
import { MembershipRows, type OrganizationChoice } from "@/components/admin/membership-rows";
import { compactControlClass, FormField } from "@/components/ui/form-field";
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
        <FormField label="Name" name="name" id="create-user-name" size="compact">
          <input name="name" required className={compactControlClass} />
        </FormField>
        <FormField label="E-mail" name="email" id="create-user-email" size="compact">
          <input name="email" type="email" required className={compactControlClass} />
        </FormField>
        <FormField
          label="Password (12+ characters, not a common one)"
          name="password"
          id="create-user-password"
          size="compact"
        >
          <input
            name="password"
            type="password"
            minLength={12}
            required
            autoComplete="new-password"
            className={compactControlClass}
          />
        </FormField>
        <FormField label="Platform role" name="role" id="create-user-role" size="compact">
          <select name="role" defaultValue="user" className={compactControlClass}>
            <option value="user">User (referrer or specialist)</option>
            <option value="admin">Administrator</option>
          </select>
        </FormField>
        <MembershipRows organizations={organizations} />
      </ActionForm>
    </details>
  );
}
