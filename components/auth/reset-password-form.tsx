"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/auth-client";
import { atMost, LIMITS } from "@/lib/validation/limits";

/** better-auth's minPasswordLength in lib/auth/auth.ts. */
const MIN_PASSWORD = 10;

const resetSchema = z
  .object({
    password: z
      .string()
      .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters`)
      .max(LIMITS.password, atMost(LIMITS.password)),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, {
    message: "The two passwords differ — type the same one twice",
    path: ["confirm"],
  });

type Failure = { message: string; linkDead: boolean };

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = resetSchema.safeParse({ password: form.get("password"), confirm: form.get("confirm") });
    if (!parsed.success) {
      setFailure({ message: parsed.error.issues[0]?.message ?? "Check the password", linkDead: false });
      return;
    }
    setPending(true);
    setFailure(null);
    const error = await authClient.resetPassword({ newPassword: parsed.data.password, token }).then(
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
    } else if (error.code === "PASSWORD_TOO_SHORT" || error.code === "PASSWORD_TOO_LONG") {
      setFailure({ message: error.message ?? "Choose another password.", linkDead: false });
    } else {
      setFailure({ message: error.message ?? "That did not work — try again.", linkDead: false });
    }
  }

  return (
    // React ignores what a handler returns; onSubmit settles its own failures above.
    <form onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate>
      <div>
        <label className="block text-sm font-medium">
          New password
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            aria-describedby="password-hint"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        {/* Outside the label, so the field's name stays "New password" and the hint is its description. */}
        <p id="password-hint" className="mt-1 text-xs text-slate-600">
          At least {MIN_PASSWORD} characters.
        </p>
      </div>
      <label className="block text-sm font-medium">
        New password again
        <input
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      {failure && (
        <div role="alert" className="text-sm text-rose-700">
          <p>{failure.message}</p>
          {failure.linkDead && (
            <p className="mt-1">
              <Link href="/forgot-password" className="font-medium text-indigo-700 hover:underline">
                Ask for a new link
              </Link>
            </p>
          )}
        </div>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set the new password"}
      </Button>
    </form>
  );
}
