import { ImpersonationBanner } from "@/components/shell/impersonation-banner";
import { AppNav } from "@/components/shell/app-nav";
import { getCurrentSession, requireActor } from "@/lib/auth/current-session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const session = await getCurrentSession();
  return (
    <div className="min-h-screen">
      {actor.impersonatorId && session && (
        <ImpersonationBanner actor={actor} expiresAt={session.session.expiresAt.toISOString()} />
      )}
      <AppNav actor={actor} />
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}
