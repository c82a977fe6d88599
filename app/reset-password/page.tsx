import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { isResetTokenUsable } from "@/lib/auth/reset-token";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const usable = typeof token === "string" && (await isResetTokenUsable(token));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Choose a new password</h1>
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <div className="mt-4 space-y-3" data-testid="reset-link-invalid">
            <p role="alert" className="text-sm text-rose-700">
              This link has expired or was already used. Reset links work once, for an hour.
            </p>
            <p className="text-sm">
              <Link
                href="/forgot-password"
                className="font-medium text-indigo-700 underline hover:no-underline"
              >
                Ask for a new link
              </Link>
            </p>
          </div>
        )}
        <p className="mt-6 text-center text-sm">
          <Link href="/sign-in" className="text-indigo-700 underline hover:no-underline">
            Back to sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
