"use client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/actions/result";
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE_HINT } from "@/lib/auth/password-rule";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

type Outcome =
  | { kind: "idle" }
  | { kind: "changed"; sessionsEnded: number }
  | { kind: "failed"; message: string; fields: Record<string, string[]> };

/**
 * Current password, new password twice. Each refusal is said beside its field (too short, a
 * common password, the current one wrong); on success the page says how many other sessions
 * were signed out.
 */
export function ChangePasswordForm({
  action,
}: {
  action: (form: FormData) => Promise<ActionResult<{ sessionsEnded: number }>>;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const fieldErrors = outcome.kind === "failed" ? outcome.fields : {};
  const failure = useMemo(
    () => (outcome.kind === "failed" ? { error: outcome.message, fieldErrors: outcome.fields } : null),
    [outcome],
  );
  useFocusOnFailure(formRef, failure);

  return (
    <form
      ref={formRef}
      data-testid="change-password-form"
      className="mt-4 flex max-w-md flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await action(form);
          if (!result.ok) {
            setOutcome({ kind: "failed", message: result.error, fields: result.fieldErrors });
            return;
          }
          setOutcome({ kind: "changed", sessionsEnded: result.data.sessionsEnded });
          formRef.current?.reset();
          router.refresh();
        });
      }}
    >
      <FormErrorSummary
        error={failure?.error}
        fieldErrors={failure?.fieldErrors}
        labels={Object.fromEntries(FIELDS.map((field) => [field.name, field.label]))}
      />
      {FIELDS.map((field) => (
        <FormField
          key={field.name}
          label={field.label}
          name={field.name}
          hint={field.name === "newPassword" ? PASSWORD_RULE_HINT : undefined}
          errors={fieldErrors[field.name]}
        >
          <input
            name={field.name}
            type="password"
            required
            minLength={field.name === "currentPassword" ? undefined : MIN_PASSWORD_LENGTH}
            autoComplete={field.autoComplete}
            className={fieldControlClass}
          />
        </FormField>
      ))}
      {outcome.kind === "changed" && (
        <p role="status" className="text-sm text-emerald-700">
          Password changed.{" "}
          {outcome.sessionsEnded === 0
            ? "You had no other sessions."
            : `${outcome.sessionsEnded} other ${outcome.sessionsEnded === 1 ? "session was" : "sessions were"} signed out.`}
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
