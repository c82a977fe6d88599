"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import { postAuth } from "@/lib/auth/auth-endpoint";

type Method = "totp" | "backup";

/** The codes whose answer means the pending sign-in itself is gone: start again with the password. */
const RESTART_CODES = new Set(["INVALID_TWO_FACTOR_COOKIE", "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE"]);

function messageFor(error: { status: number; code?: string }, method: Method): string {
  if (error.status === 0) return "The portal could not be reached — check your connection and try again.";
  if (error.status === 429)
    return error.code === "ACCOUNT_TEMPORARILY_LOCKED"
      ? "Too many wrong codes — this account's second step is locked for 15 minutes."
      : "Too many attempts — wait a minute and try again.";
  if (error.code && RESTART_CODES.has(error.code))
    return "This sign-in has expired or had too many wrong codes — sign in with your password again.";
  return method === "totp"
    ? "That code is not right — enter the 6-digit code your authenticator app shows now."
    : "That backup code is not right, or was already used.";
}

/**
 * The second step of signing in, after the password: the authenticator's code, or one of the
 * backup codes shown at enrolment (each works once). Focus starts in the code field; a refusal is
 * said next to it.
 */
export function TwoFactorStep({ onPassed, onRestart }: { onPassed: () => void; onRestart: () => void }) {
  const [method, setMethod] = useState<Method>("totp");
  const [error, setError] = useState<{ message: string; restart: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);

  useEffect(() => codeField.current?.focus(), [method]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s+/g, "");
    if (!code) {
      setError({
        message: method === "totp" ? "Enter the 6-digit code." : "Enter one of your backup codes.",
        restart: false,
      });
      codeField.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const endpoint = method === "totp" ? "/two-factor/verify-totp" : "/two-factor/verify-backup-code";
    const failure = await postAuth(endpoint, { code }).then(
      ({ error }) => error,
      () => ({ status: 0, code: undefined }),
    );
    setPending(false);
    if (!failure) return onPassed();
    setError({
      message: messageFor(failure, method),
      restart: Boolean(failure.code && RESTART_CODES.has(failure.code)),
    });
    codeField.current?.focus();
  }

  const label = method === "totp" ? "Authenticator code" : "Backup code";
  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate>
      <p className="text-sm text-slate-700">
        {method === "totp"
          ? "Enter the 6-digit code from your authenticator app."
          : "Enter one of the backup codes you saved when you set up two-factor sign-in. Each works once."}
      </p>
      <FormField
        label={label}
        name="code"
        id="two-factor-code"
        errors={error ? [error.message] : undefined}
        announce
      >
        <input
          ref={codeField}
          key={method}
          name="code"
          type="text"
          inputMode={method === "totp" ? "numeric" : "text"}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={32}
          className={`${fieldControlClass} font-mono tracking-widest`}
        />
      </FormField>
      {error?.restart ? (
        <Button type="button" onClick={onRestart} className="w-full">
          Sign in again
        </Button>
      ) : (
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Checking…" : "Verify"}
        </Button>
      )}
      <p className="text-center text-sm">
        <button
          type="button"
          className="min-h-6 text-indigo-700 underline hover:no-underline"
          onClick={() => {
            setError(null);
            setMethod(method === "totp" ? "backup" : "totp");
          }}
        >
          {method === "totp" ? "Use a backup code instead" : "Use the authenticator code instead"}
        </button>
      </p>
    </form>
  );
}
