"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import { postAuth } from "@/lib/auth/auth-endpoint";
import { checkNewPassword } from "@/lib/auth/password-reset-input";
import { MIN_PASSWORD_LENGTH, PASSWORD_RULE_HINT } from "@/lib/auth/password-rule";

/*
 * The length rule is checked here first, by hand (no zod in the browser, issue 14); the
 * common-password list is the server's (better-auth refuses such a password with
 * PASSWORD_TOO_COMMON) and never comes to the browser.
 */

/** `field`: the input the message belongs beside (else it is about the link or the portal). */
type Failure = { message: string; linkDead: boolean; field?: "password" | "confirm" };

const PASSWORD_CODES = new Set(["PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_TOO_COMMON"]);

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Focus goes to the field the message is beside, else to the message.
  const focusFailure = useMemo(() => (failure ? { error: failure.message } : null), [failure]);
  useFocusOnFailure(formRef, focusFailure);
  const errorsOf = (field: Failure["field"]) =>
    failure && failure.field === field ? [failure.message] : undefined;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = checkNewPassword(form.get("password"), form.get("confirm"));
    if (!parsed.ok) {
      setFailure({ message: parsed.error, linkDead: false, field: parsed.field });
      return;
    }
    setPending(true);
    setFailure(null);
    const error = await postAuth("/reset-password", { newPassword: parsed.password, token }).then(
      (result) => result.error,
      () => ({
        status: 0,
        code: undefined,
        message: "The portal could not be reached — check your connection and try again.",
      }),
    );
    setPending(false);
    if (!error) {
      router.push("/sign-in?reset=done");
      return;
    }
    if (error.status === 429) {
      setFailure({ message: "Too many attempts — wait ten minutes and try again.", linkDead: false });
    } else if (error.code === "INVALID_TOKEN" || error.code === "USER_NOT_FOUND") {
      setFailure({ message: "This link has expired or was already used.", linkDead: true });
    } else if (error.code && PASSWORD_CODES.has(error.code)) {
      setFailure({
        message: error.message ?? "Choose another password.",
        linkDead: false,
        field: "password",
      });
    } else {
      setFailure({ message: error.message ?? "That did not work — try again.", linkDead: false });
    }
  }

  return (
    // React ignores what a handler returns; onSubmit settles its own failures above.
    <form ref={formRef} onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate>
      {failure && !failure.field && (
        <div className="space-y-1">
          <FormErrorSummary error={failure.message} />
          {failure.linkDead && (
            <p className="text-sm">
              <Link
                href="/forgot-password"
                className="font-medium text-indigo-700 underline hover:no-underline"
              >
                Ask for a new link
              </Link>
            </p>
          )}
        </div>
      )}
      <FormField
        label="New password"
        name="password"
        hint={PASSWORD_RULE_HINT}
        errors={errorsOf("password")}
        announce
      >
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          className={fieldControlClass}
        />
      </FormField>
      <FormField label="New password again" name="confirm" errors={errorsOf("confirm")} announce>
        <input
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          className={fieldControlClass}
        />
      </FormField>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set the new password"}
      </Button>
    </form>
  );
}
