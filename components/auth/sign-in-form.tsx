"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postAuth } from "@/lib/auth/auth-endpoint";
import { TwoFactorStep } from "./two-factor-step";
// Checked by hand, not with zod: this is the page everyone loads first (lib/auth/sign-in-input.ts).
import { checkSignInInput } from "@/lib/auth/sign-in-input";

/** `returnPath`: where to go once signed in (already checked to be a path on this site), else home. */
export function SignInForm({ returnPath = null }: { returnPath?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After a right password, an enrolled user is asked for their second factor (components/auth/two-factor-step.tsx).
  const [secondStep, setSecondStep] = useState(false);

  function goOn() {
    // The page they were sent here from, or the home page, which sends each persona to where they
    // start (specialists: their examinations; someone who must enrol first: the enrolment screen).
    router.push(returnPath ?? "/");
    router.refresh();
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = checkSignInInput(form.get("email"), form.get("password"));
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setPending(true);
    setError(null);
    const answer = await postAuth<{ twoFactorRedirect?: boolean }>("/sign-in/email", parsed.data).then(
      ({ data, error }) => ({
        error,
        twoFactor: Boolean(data?.twoFactorRedirect),
      }),
      // No answer at all (network down): say so, instead of leaving the button spinning.
      () => ({
        error: {
          status: 0,
          message: "The portal could not be reached — check your connection and try again.",
        },
        twoFactor: false,
      }),
    );
    setPending(false);
    const signInError = answer.error;
    if (signInError) {
      setError(
        signInError.status === 429
          ? "Too many attempts — wait a minute and try again."
          : (signInError.message ?? "That e-mail and password do not match."),
      );
      return;
    }
    if (answer.twoFactor) return setSecondStep(true);
    goOn();
  }

  if (secondStep) return <TwoFactorStep onPassed={goOn} onRestart={() => setSecondStep(false)} />;
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
