import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationEntry } from "@/components/notifications/notification-entry";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/list-notifications";
import { notificationView } from "@/lib/notifications/notification-view";

export const metadata: Metadata = { title: "Notifications" };

const PAGE_SIZE = 25;

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { before } = await searchParams;
  const cursor = typeof before === "string" ? before : null;
  const db = getDb();
  const [page, unread, viewerZone] = await Promise.all([
    listNotifications(db, actor, { limit: PAGE_SIZE, before: cursor }),
    countUnreadNotifications(db, actor),
    viewerTimeZone(),
  ]);
  const items = page.items.map((row) => notificationView(row, viewerZone));
  const markOnOpen = !actor.impersonatorId;

  return (
    <section className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="unread-summary">
            {unread === 0 ? "Everything is read." : `${unread} unread.`} E-mail choices are in{" "}
            <Link href="/settings/notifications" className="text-indigo-700 underline hover:no-underline">
              notification settings
            </Link>
            ; this list keeps every notification either way.
          </p>
        </div>
        {unread > 0 && <MarkAllReadButton />}
      </div>

      {items.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          {cursor ? "No older notifications." : "No notifications yet."}
        </p>
      ) : (
        <ul
          className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200"
          data-testid="notification-list"
        >
          {items.map((item) => (
            <li key={item.id} className="flex items-stretch">
              <div className="min-w-0 flex-1">
                <NotificationEntry item={item} markOnOpen={markOnOpen} />
              </div>
              {item.unread && (
                <div className="flex items-center bg-indigo-50 pr-3">
                  <MarkReadButton notificationId={item.id} sentence={item.sentence} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
        {cursor ? (
          <Link href="/notifications" className="text-indigo-700 underline hover:no-underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextBefore && (
          <Link
            href={`/notifications?before=${encodeURIComponent(page.nextBefore)}`}
            className="text-indigo-700 underline hover:no-underline"
          >
            Older →
          </Link>
        )}
      </nav>
    </section>
  );
}
