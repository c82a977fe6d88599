"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFocusOnFailure } from "@/components/ui/form-error-summary";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import { postAuth } from "@/lib/auth/auth-endpoint";
// Checked by hand, not with zod (≈ 30 kB gzip in the browser); better-auth checks the address again.
import { checkResetRequest } from "@/lib/auth/password-reset-input";

/** Same words whether or not the address has an account: the page must not tell which. */
const SENT =
  "If an account exists for that address, we've sent a link to choose a new password. It works for an hour.";

export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // A new object per refusal, so focus returns to the field after each failed submit.
  const [failure, setFailure] = useState<{ error: string } | null>(null);
  useFocusOnFailure(formRef, failure);
  const refuse = (message: string | null) => {
    setError(message);
    setFailure(message ? { error: message } : null);
  };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = checkResetRequest(new FormData(event.currentTarget).get("email"));
    if (!parsed.ok) {
      refuse(parsed.error);
      return;
    }
    setPending(true);
    refuse(null);
    const failure = await postAuth("/request-password-reset", { email: parsed.email }).then(
      ({ error }) => error,
      () => ({
        status: 0,
        message: "The portal could not be reached — check your connection and try again.",
      }),
    );
    setPending(false);
    if (failure) {
      refuse(
        failure.status === 429
          ? "Too many requests from here — wait ten minutes and try again."
          : failure.status === 0
            ? (failure.message ?? null)
            : "That did not work — check the address and try again.",
      );
      return;
    }
    setSentTo(parsed.email);
  }

  if (sentTo) {
    return (
      <div className="mt-6 space-y-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {SENT}
        </p>
        <p className="text-sm text-slate-600">
          No e-mail within a few minutes? Check the spam folder, or{" "}
          <button
            type="button"
            className="min-h-6 text-indigo-700 underline hover:no-underline"
            onClick={() => setSentTo(null)}
          >
            try again
          </button>
          .
        </p>
      </div>
    );
  }

  return (
    // React ignores what a handler returns; onSubmit settles its own failures above.
    <form ref={formRef} onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate>
      <FormField label="E-mail" name="email" errors={error ? [error] : undefined} announce>
        <input name="email" type="email" autoComplete="username" required className={fieldControlClass} />
      </FormField>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Send the link"}
      </Button>
    </form>
  );
}
