import { timestampLabel } from "@/lib/time/two-clocks";
import { describeNotification } from "./describe-notification";
import type { NotificationRow } from "./list-notifications";

/** One notification as the browser gets it: already written in the viewer's words and zone. */
export interface NotificationView {
  id: string;
  sentence: string;
  href: string;
  /** When it happened, in the viewer's zone with the zone named. */
  at: string;
  atIso: string;
  unread: boolean;
}

export function notificationView(row: NotificationRow, viewerZone: string | null): NotificationView {
  const { sentence, href } = describeNotification(row, viewerZone);
  return {
    id: row.id,
    sentence,
    href,
    at: timestampLabel(row.createdAt, viewerZone),
    atIso: row.createdAt.toISOString(),
    unread: row.readAt === null,
  };
}

/** What GET /api/notifications/latest answers: the bell's badge and its latest few. */
export interface LatestNotifications {
  unread: number;
  items: NotificationView[];
}
