import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { EnrolmentForm } from "@/components/two-factor/enrolment-form";
import { getCurrentSession, getSessionStanding } from "@/lib/auth/current-session";
import { enrolmentKeyAction } from "./actions";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

/**
 * The enrolment screen — for a user who must enrol, the only page they reach (with sign-out);
 * for anyone else, where settings send them to turn two-factor on.
 */
export default async function TwoFactorSetupPage() {
  const standing = await getSessionStanding();
  const session = await getCurrentSession();
  if (!standing || !session) redirect("/sign-in");
  // An impersonating admin does not enrol the person they act as.
  if (standing.actor.impersonatorId) redirect("/");
  const enrolled = Boolean(session.user.twoFactorEnabled);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-8">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold">Set up two-factor sign-in</h1>
        {enrolled ? (
          <>
            <p className="mt-2 text-sm text-slate-700">
              Two-factor sign-in is on for {standing.actor.email}. Each sign-in asks for a code from your
              authenticator app.
            </p>
            <p className="mt-4 text-sm">
              <Link href="/" className="text-indigo-700 underline hover:no-underline">
                Continue to the portal
              </Link>{" "}
              or manage it in{" "}
              <Link href="/settings/two-factor" className="text-indigo-700 underline hover:no-underline">
                Settings → Two-factor
              </Link>
              .
            </p>
          </>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-700">
              {standing.mustEnrolTwoFactor
                ? "Your account holds medical records, so signing in needs a second step: a code from an authenticator app on your phone. Set it up now to continue."
                : "Add a second step to signing in: a code from an authenticator app on your phone."}{" "}
              Confirm your password to start.
            </p>
            <EnrolmentForm renderKey={enrolmentKeyAction} />
          </>
        )}
        <div className="mt-6 flex items-center justify-between border-t border-slate-200 pt-4 text-sm text-slate-600">
          <span>Signed in as {standing.actor.email}</span>
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
