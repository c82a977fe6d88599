"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFieldErrors } from "@/components/ui/form-errors-context";
import { fieldErrorId } from "@/components/ui/form-field-ids";
import { compactControlClass, FormField } from "@/components/ui/form-field";

export interface OrganizationChoice {
  id: string;
  name: string;
  teams: { id: string; name: string }[];
}

interface Row {
  key: number;
  organizationId: string;
  role: "owner" | "admin" | "member";
  teamId: string;
}

/**
 * The organizations a new user joins: one row each (organization, role, one of its teams),
 * sent to the action as one JSON field named `memberships`. Team choices follow the row's
 * organization, so a team of another organization cannot be picked.
 */
export function MembershipRows({ organizations }: { organizations: OrganizationChoice[] }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  // The form resets its own inputs after a successful save; these rows live in state, so follow it.
  useEffect(() => {
    const form = fieldset.current?.form;
    const clear = () => setRows([]);
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, []);
  const update = (key: number, change: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const chosen = rows.filter((row) => row.organizationId);
  // The action checks the memberships as one field; its message belongs to this group. (The
  // rows' selects have no name of their own — the hidden field carries them — so their FormField
  // names are distinct from the form's "role" and never pick up its errors.)
  const error = useFieldErrors("memberships", undefined)?.[0];

  return (
    <fieldset
      ref={fieldset}
      className="w-full space-y-2 rounded-md border border-slate-200 p-3"
      data-testid="membership-rows"
      data-field="memberships"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? fieldErrorId("memberships") : undefined}
    >
      <legend className="px-1 text-xs font-medium text-slate-700">
        Organizations ({rows.length === 0 ? "none yet — optional" : rows.length})
      </legend>
      <input
        type="hidden"
        name="memberships"
        value={JSON.stringify(
          chosen.map(({ organizationId, role, teamId }) => ({ organizationId, role, teamId })),
        )}
      />
      {rows.map((row) => {
        const organization = organizations.find((o) => o.id === row.organizationId);
        const taken = new Set(rows.filter((r) => r.key !== row.key).map((r) => r.organizationId));
        return (
          <div key={row.key} className="flex flex-wrap items-end gap-2">
            <FormField
              label="Organization"
              name="membershipOrganization"
              id={`membership-${row.key}-organization`}
              size="compact"
            >
              <select
                value={row.organizationId}
                onChange={(e) => update(row.key, { organizationId: e.target.value, teamId: "" })}
                className={compactControlClass}
              >
                <option value="">— choose —</option>
                {organizations
                  .filter((o) => !taken.has(o.id))
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
              </select>
            </FormField>
            <FormField label="Role" name="membershipRole" id={`membership-${row.key}-role`} size="compact">
              <select
                value={row.role}
                onChange={(e) => update(row.key, { role: e.target.value as Row["role"] })}
                className={compactControlClass}
              >
                <option value="member">Member</option>
                <option value="admin">Admin</option>
                <option value="owner">Owner</option>
              </select>
            </FormField>
            <FormField
              label="Team (optional)"
              name="membershipTeam"
              id={`membership-${row.key}-team`}
              size="compact"
            >
              <select
                value={row.teamId}
                onChange={(e) => update(row.key, { teamId: e.target.value })}
                className={compactControlClass}
                disabled={!organization}
              >
                <option value="">— none —</option>
                {organization?.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </FormField>
            <Button
              type="button"
              variant="secondary"
              onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            >
              Remove
            </Button>
          </div>
        );
      })}
      {error ? (
        <p id={fieldErrorId("memberships")} className="text-xs text-rose-700">
          {error}
        </p>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        disabled={rows.length >= organizations.length}
        onClick={() => {
          setRows((all) => [...all, { key: nextKey, organizationId: "", role: "member", teamId: "" }]);
          setNextKey((k) => k + 1);
        }}
      >
        Add an organization
      </Button>
    </fieldset>
  );
}
