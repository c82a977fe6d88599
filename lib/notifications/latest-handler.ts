import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { failureResponse } from "@/lib/http/error-status";
import { countUnreadNotifications, listNotifications } from "./list-notifications";
import { notificationView, type LatestNotifications } from "./notification-view";

/** How many the bell shows; the notifications page has the rest. */
export const BELL_LIMIT = 10;

/**
 * GET /api/notifications/latest: what the bell shows when it opens — fetched then, so it is
 * current even when the page around it was rendered a while ago. Signed out: 401, nothing else.
 */
export async function handleLatestNotifications(
  resolveActor: () => Promise<Actor | null>,
  resolveViewerZone: () => Promise<string | null>,
): Promise<Response> {
  const actor = await resolveActor();
  if (!actor)
    return failureResponse({ code: "session_ended", error: "Your session has ended — sign in again." });
  const db = getDb();
  const [page, unread, viewerZone] = await Promise.all([
    listNotifications(db, actor, { limit: BELL_LIMIT }),
    countUnreadNotifications(db, actor),
    resolveViewerZone(),
  ]);
  const body: LatestNotifications = {
    unread,
    items: page.items.map((row) => notificationView(row, viewerZone)),
  };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}
