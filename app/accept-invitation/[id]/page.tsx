import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/admin/accept-invitation-form";
import { getDb } from "@/db/client";
import { getCurrentSession } from "@/lib/auth/current-session";
import { viewInvitation } from "@/lib/organizations/accept-invitation";
import { acceptAsNewUserAction, acceptAsSignedInUserAction } from "./actions";

export const metadata: Metadata = { title: "Accept invitation" };

/** Public: the invitation id in the link is the secret that lets someone set up their account. */
export default async function AcceptInvitationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await getCurrentSession();
  const view = await viewInvitation(getDb(), id);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4">
      <h1 className="text-2xl font-semibold text-indigo-700">IME Portal</h1>
      {view.state === "missing" && (
        <p role="alert">
          This invitation link is not valid. Check that you copied the whole link, or ask for a new
          invitation.
        </p>
      )}
      {view.state === "expired" && (
        <p role="alert">
          This invitation to {view.organizationName} has expired. Ask the person who invited you for a new
          one.
        </p>
      )}
      {view.state === "used" && (
        <p role="alert">
          This invitation to {view.organizationName} has already been used.{" "}
          <Link className="text-indigo-700 underline hover:no-underline" href="/sign-in">
            Sign in
          </Link>{" "}
          instead.
        </p>
      )}
      {view.state === "pending" && (
        <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6">
          <p>
            You are invited to join <strong>{view.organizationName}</strong> as <strong>{view.role}</strong>
            {view.teamNames.length > 0 && <> in {view.teamNames.join(", ")}</>}.
          </p>
          {!view.hasAccount && (
            <AcceptInvitationForm
              invitationId={view.id}
              email={view.email}
              mode="new"
              action={acceptAsNewUserAction}
            />
          )}
          {view.hasAccount && session?.user.email.toLowerCase() === view.email.toLowerCase() && (
            <AcceptInvitationForm
              invitationId={view.id}
              email={view.email}
              mode="existing"
              action={acceptAsSignedInUserAction}
            />
          )}
          {view.hasAccount && session?.user.email.toLowerCase() !== view.email.toLowerCase() && (
            <p>
              {view.email} already has an account.{" "}
              <Link className="text-indigo-700 underline hover:no-underline" href="/sign-in">
                Sign in
              </Link>{" "}
              as {view.email}, then open this link again to join.
            </p>
          )}
        </div>
      )}
    </main>
  );
}
