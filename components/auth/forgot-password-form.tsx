"use client";
import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/auth-client";
import { emailField } from "@/lib/validation/limits";

const requestSchema = z.object({ email: emailField("Enter the e-mail address you sign in with") });

/** Same words whether or not the address has an account: the page must not tell which. */
const SENT =
  "If an account exists for that address, we've sent a link to choose a new password. It works for an hour.";

export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestSchema.safeParse({ email: new FormData(event.currentTarget).get("email") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter your e-mail address");
      return;
    }
    setPending(true);
    setError(null);
    const failure = await authClient.requestPasswordReset({ email: parsed.data.email }).then(
      ({ error }) => error,
      () => ({
        status: 0,
        message: "The portal could not be reached — check your connection and try again.",
      }),
    );
    setPending(false);
    if (failure) {
      setError(
        failure.status === 429
          ? "Too many requests from here — wait ten minutes and try again."
          : failure.status === 0
            ? (failure.message ?? null)
            : "That did not work — check the address and try again.",
      );
      return;
    }
    setSentTo(parsed.data.email);
  }

  if (sentTo) {
    return (
      <div className="mt-6 space-y-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {SENT}
        </p>
        <p className="text-sm text-slate-600">
          No e-mail within a few minutes? Check the spam folder, or{" "}
          <button type="button" className="text-indigo-700 hover:underline" onClick={() => setSentTo(null)}>
            try again
          </button>
          .
        </p>
      </div>
    );
  }

  return (
    // React ignores what a handler returns; onSubmit settles its own failures above.
    <form onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate>
      <label className="block text-sm font-medium">
        E-mail
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Send the link"}
      </Button>
    </form>
  );
}
