"use client";
import { useEffect, useRef, useState } from "react";
import { Field, inputClass } from "@/components/admin/form-fields";
import { Button } from "@/components/ui/button";

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

  return (
    <fieldset
      ref={fieldset}
      className="w-full space-y-2 rounded-md border border-slate-200 p-3"
      data-testid="membership-rows"
    >
      <legend className="px-1 text-xs font-medium text-slate-600">
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
            <Field label="Organization">
              <select
                value={row.organizationId}
                onChange={(e) => update(row.key, { organizationId: e.target.value, teamId: "" })}
                className={inputClass}
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
            </Field>
            <Field label="Role">
              <select
                value={row.role}
                onChange={(e) => update(row.key, { role: e.target.value as Row["role"] })}
                className={inputClass}
              >
                <option value="member">Member</option>
                <option value="admin">Admin</option>
                <option value="owner">Owner</option>
              </select>
            </Field>
            <Field label="Team (optional)">
              <select
                value={row.teamId}
                onChange={(e) => update(row.key, { teamId: e.target.value })}
                className={inputClass}
                disabled={!organization}
              >
                <option value="">— none —</option>
                {organization?.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </Field>
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
