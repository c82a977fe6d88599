"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/auth-client";
import { atMost, emailField, LIMITS } from "@/lib/validation/limits";

const signInSchema = z.object({
  email: emailField("Enter the e-mail address you were invited with"),
  password: z.string().min(1, "Enter your password").max(LIMITS.password, atMost(LIMITS.password)),
});

/** `returnPath`: where to go once signed in (already checked to be a path on this site), else home. */
export function SignInForm({ returnPath = null }: { returnPath?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check your e-mail and password");
      return;
    }
    setPending(true);
    setError(null);
    const signInError = await authClient.signIn.email(parsed.data).then(
      ({ error }) => error,
      // No answer at all (network down): say so, instead of leaving the button spinning.
      () => ({
        status: 0,
        message: "The portal could not be reached — check your connection and try again.",
      }),
    );
    setPending(false);
    if (signInError) {
      setError(
        signInError.status === 429
          ? "Too many attempts — wait a minute and try again."
          : (signInError.message ?? "That e-mail and password do not match."),
      );
      return;
    }
    // The page they were sent here from, or the home page, which sends each persona to where they
    // start (specialists: their examinations).
    router.push(returnPath ?? "/");
    router.refresh();
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
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-indigo-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
