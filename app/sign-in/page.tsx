import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentActor, redirectIfEnrolmentOwed } from "@/lib/auth/current-session";
import { RETURN_PATH_PARAM, safeReturnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = params[RETURN_PATH_PARAM];
  // Where the person was going (a booking's link from an e-mail); only ever a path on this site.
  const returnPath = safeReturnPath(typeof next === "string" ? next : null);
  if (await getCurrentActor()) redirect(returnPath ?? "/");
  // Signed in, but a second factor is owed first.
  await redirectIfEnrolmentOwed();
  const passwordChanged = params.reset === "done";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">IME Portal</h1>
        <p className="mt-1 text-sm text-slate-600">Sign in to book and follow examinations.</p>
        {passwordChanged && (
          <p role="status" className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            Your password was changed. Sign in with the new one.
          </p>
        )}
        <SignInForm returnPath={returnPath} />
      </div>
    </main>
  );
}
