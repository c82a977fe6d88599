import { ImpersonationBanner } from "@/components/shell/impersonation-banner";
import { AppNav } from "@/components/shell/app-nav";
import { ViewerTimeZoneSync } from "@/components/bookings/viewer-time-zone-sync";
import { getCurrentSession, requireActor } from "@/lib/auth/current-session";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { getDb } from "@/db/client";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const session = await getCurrentSession();
  const viewerZone = await viewerTimeZone();
  const unreadNotifications = await countUnreadNotifications(getDb(), actor);
  return (
    <div className="min-h-screen">
      {/* Every portal page writes times in the viewer's zone (ARCHITECTURE.md, "Time display rule"). */}
      <ViewerTimeZoneSync current={viewerZone} />
      {actor.impersonatorId && session && (
        <ImpersonationBanner actor={actor} expiresAt={session.session.expiresAt.toISOString()} />
      )}
      <AppNav actor={actor} unreadNotifications={unreadNotifications} />
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}
