"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

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
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
  const fieldError = (name: string) =>
    error?.fields[name]?.[0] && <span className="text-xs text-rose-700">{error.fields[name][0]}</span>;
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await action(form);
          if (!result.ok) return setError({ message: result.error, fields: result.fieldErrors });
          router.push("/bookings");
          router.refresh();
        });
      }}
    >
      <input type="hidden" name="invitationId" value={invitationId} />
      {mode === "new" && (
        <>
          <label className="text-sm font-medium">
            E-mail
            <input value={email} readOnly className={`${input} bg-slate-50`} />
          </label>
          <label className="text-sm font-medium">
            Your name
            <input name="name" required autoComplete="name" className={input} />
            {fieldError("name")}
          </label>
          <label className="text-sm font-medium">
            Password (at least 10 characters)
            <input
              name="password"
              type="password"
              required
              minLength={10}
              autoComplete="new-password"
              className={input}
            />
            {fieldError("password")}
          </label>
          <label className="text-sm font-medium">
            Repeat the password
            <input
              name="confirmPassword"
              type="password"
              required
              autoComplete="new-password"
              className={input}
            />
            {fieldError("confirmPassword")}
          </label>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error.message}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : mode === "new" ? "Create my account and join" : "Join"}
      </Button>
    </form>
  );
}
