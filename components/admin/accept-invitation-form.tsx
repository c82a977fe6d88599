"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/actions/result";

const LABELS = {
  name: "Your name",
  password: "Password (at least 12 characters, not a common one)",
  confirmPassword: "Repeat the password",
};

/** Name + password for a new account, or a single "Join" for a signed-in invitee. */
export function AcceptInvitationForm({
  invitationId,
  email,
  mode,
  action,
}: {
  invitationId: string;
  email: string;
  mode: "new" | "existing";
  action: (form: FormData) => Promise<ActionResult<{ email: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<{ error: string; fieldErrors: Record<string, string[]> } | null>(
    null,
  );
  useFocusOnFailure(formRef, failure);
  return (
    <form
      ref={formRef}
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await action(form);
          if (!result.ok) return setFailure({ error: result.error, fieldErrors: result.fieldErrors });
          router.push("/bookings");
          router.refresh();
        });
      }}
    >
      <input type="hidden" name="invitationId" value={invitationId} />
      <FormErrorSummary error={failure?.error} fieldErrors={failure?.fieldErrors} labels={LABELS} />
      {mode === "new" && (
        <>
          <FormField label="E-mail" name="invitedEmail">
            <input value={email} readOnly className={`${fieldControlClass} bg-slate-50`} />
          </FormField>
          <FormField label={LABELS.name} name="name" errors={failure?.fieldErrors.name}>
            <input name="name" required autoComplete="name" className={fieldControlClass} />
          </FormField>
          <FormField label={LABELS.password} name="password" errors={failure?.fieldErrors.password}>
            <input
              name="password"
              type="password"
              required
              minLength={12}
              autoComplete="new-password"
              className={fieldControlClass}
            />
          </FormField>
          <FormField
            label={LABELS.confirmPassword}
            name="confirmPassword"
            errors={failure?.fieldErrors.confirmPassword}
          >
            <input
              name="confirmPassword"
              type="password"
              required
              autoComplete="new-password"
              className={fieldControlClass}
            />
          </FormField>
        </>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : mode === "new" ? "Create my account and join" : "Join"}
      </Button>
    </form>
  );
}
