"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import { postAuth } from "@/lib/auth/auth-endpoint";
import type { EnrolmentKey } from "@/lib/two-factor/enrolment-qr";

type Step =
  | { name: "password" }
  | { name: "scan"; key: EnrolmentKey; backupCodes: string[] }
  | { name: "backup-codes"; backupCodes: string[] };

const unreachable = "The portal could not be reached — check your connection and try again.";

/**
 * Enrolment in three steps: the password again (better-auth's /two-factor/enable makes the
 * secret and backup codes), the QR code and typed secret with the first code to confirm
 * (/two-factor/verify-totp turns the second factor on), then the backup codes, shown once.
 * `renderKey` draws the QR code on the server (app/two-factor/setup/actions.ts).
 */
export function EnrolmentForm({
  renderKey,
}: {
  renderKey: (totpUri: string) => Promise<EnrolmentKey | null>;
}) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ name: "password" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step.name === "backup-codes") heading.current?.focus();
    else field.current?.focus();
  }, [step.name]);

  async function start(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!password) return setError("Enter your password.");
    setPending(true);
    setError(null);
    try {
      const { data, error: failure } = await postAuth<{ totpURI?: string; backupCodes?: string[] }>(
        "/two-factor/enable",
        { password },
      );
      if (failure || !data.totpURI) {
        setError(
          failure?.status === 429
            ? "Too many attempts — wait a minute and try again."
            : "That password is not right.",
        );
        return field.current?.focus();
      }
      const key = await renderKey(data.totpURI);
      if (!key) return setError("The set-up could not be started — reload the page and try again.");
      setStep({ name: "scan", key, backupCodes: data.backupCodes ?? [] });
    } catch {
      setError(unreachable);
    } finally {
      setPending(false);
    }
  }

  async function confirm(event: React.FormEvent<HTMLFormElement>, backupCodes: string[]) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s+/g, "");
    if (!/^\d{6}$/.test(code)) {
      setError("Enter the 6-digit code your authenticator app shows.");
      return field.current?.focus();
    }
    setPending(true);
    setError(null);
    try {
      const { error: failure } = await postAuth("/two-factor/verify-totp", { code });
      if (failure) {
        setError(
          failure.status === 429
            ? "Too many attempts — wait a minute and try again."
            : "That code is not right — check the app shows the IME Portal entry and try the code it shows now.",
        );
        return field.current?.focus();
      }
      setStep({ name: "backup-codes", backupCodes });
    } catch {
      setError(unreachable);
    } finally {
      setPending(false);
    }
  }

  if (step.name === "password")
    return (
      <form onSubmit={(event) => void start(event)} className="mt-6 space-y-4" noValidate>
        <FormField
          label="Your password"
          name="password"
          id="enrol-password"
          errors={error ? [error] : undefined}
          announce
        >
          <input
            ref={field}
            name="password"
            type="password"
            autoComplete="current-password"
            className={fieldControlClass}
          />
        </FormField>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Starting…" : "Start set-up"}
        </Button>
      </form>
    );

  if (step.name === "scan")
    return (
      <form onSubmit={(event) => void confirm(event, step.backupCodes)} className="mt-6 space-y-4" noValidate>
        <p className="text-sm text-slate-700">
          1. In an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), add an
          account by scanning this code.
        </p>
        <div
          role="img"
          aria-label="QR code to add the IME Portal to an authenticator app"
          className="mx-auto w-48 max-w-full border border-slate-200 bg-white"
          // Our own server's SVG of the otpauth address (lib/two-factor/enrolment-qr.ts): no script, no style.
          dangerouslySetInnerHTML={{ __html: step.key.qrSvg }}
        />
        <div className="text-sm text-slate-700">
          Can&apos;t scan? Type this key instead (time-based, 6 digits):
          <p
            className="mt-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all text-slate-900"
            data-testid="totp-secret"
          >
            {step.key.secretForTyping}
          </p>
        </div>
        <FormField
          label="2. Enter the 6-digit code the app shows"
          name="code"
          id="enrol-code"
          errors={error ? [error] : undefined}
          announce
        >
          <input
            ref={field}
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            className={`${fieldControlClass} font-mono tracking-widest`}
          />
        </FormField>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Checking…" : "Turn on two-factor sign-in"}
        </Button>
      </form>
    );

  return (
    <section className="mt-6 space-y-4" aria-labelledby="backup-codes-heading">
      <h2 id="backup-codes-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Two-factor sign-in is on. Save your backup codes
      </h2>
      <p className="text-sm text-slate-700">
        If you lose your phone, each of these codes signs you in once instead of the app&apos;s code. Keep
        them somewhere safe (a password manager, or printed). They are shown only now.
      </p>
      <ul
        className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm"
        data-testid="backup-codes"
      >
        {step.backupCodes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button
        type="button"
        className="w-full"
        onClick={() => {
          router.push("/");
          router.refresh();
        }}
      >
        I have saved them — continue
      </Button>
    </section>
  );
}
