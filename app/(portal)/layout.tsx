import { Suspense } from "react";
import { ImpersonationBanner } from "@/components/shell/impersonation-banner";
import { AppNav } from "@/components/shell/app-nav";
import { LiveRegionProvider } from "@/components/ui/live-region";
import { RouteFocus } from "@/components/ui/route-focus";
import { SkipLink } from "@/components/ui/skip-link";
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
      {/* The first Tab stop on every page (WCAG 2.4.1). */}
      <SkipLink />
      {/* Every portal page writes times in the viewer's zone (ARCHITECTURE.md, "Time display rule"). */}
      <ViewerTimeZoneSync current={viewerZone} />
      {actor.impersonatorId && session && (
        <ImpersonationBanner actor={actor} expiresAt={session.session.expiresAt.toISOString()} />
      )}
      <AppNav actor={actor} unreadNotifications={unreadNotifications} />
      {/* One polite live region for every page's results; focus to the <h1> after a page change. */}
      <LiveRegionProvider>
        {/* Suspense: RouteFocus reads the query string (useSearchParams). */}
        <Suspense fallback={null}>
          <RouteFocus />
        </Suspense>
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8">
          {children}
        </main>
      </LiveRegionProvider>
    </div>
  );
}
