"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { impersonateUserAction } from "@/app/(portal)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { compactControlClass, FormField } from "@/components/ui/form-field";

/** Asks for a reason (it goes into the audit row), then starts a one-hour impersonation. */
export function ImpersonateButton({ userId, userName }: { userId: string; userName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Impersonate
      </Button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end justify-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await impersonateUserAction({ userId, reason });
          if (!result.ok) return setError(result.fieldErrors.reason?.[0] ?? result.error);
          router.push("/"); // the impersonated user's own home (a specialist's is /specialist)
          router.refresh();
        });
      }}
    >
      <FormField
        label={`Reason for impersonating ${userName}`}
        name="reason"
        id={`impersonate-reason-${userId}`}
        hint="Recorded in the audit log."
        errors={error ? [error] : undefined}
        size="compact"
        className="text-left"
        announce
      >
        <input
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          className={`${compactControlClass} w-64 max-w-full`}
          autoFocus
        />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Start"}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}
