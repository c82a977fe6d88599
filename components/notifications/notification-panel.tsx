"use client";
import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import type { NotificationView } from "@/lib/notifications/notification-view";
import { MarkAllReadButton } from "./mark-all-read-button";
import { NotificationEntry } from "./notification-entry";

export type PanelLoad =
  { state: "idle" | "loading" } | { state: "failed" } | { state: "loaded"; items: NotificationView[] };

/**
 * The bell's open panel: the latest notifications as the bell fetched them, "mark all read" and
 * a link to them all. Loaded on the first opening (NotificationBell); it takes focus when it
 * appears, so the keyboard lands in it however long its code took to arrive.
 */
export function NotificationPanel({
  id,
  unread,
  load,
  markOnOpen,
  onAllRead,
  onOpened,
  onClose,
}: {
  id: string;
  unread: number;
  load: PanelLoad;
  markOnOpen: boolean;
  onAllRead: () => void;
  onOpened: (notificationId: string) => void;
  onClose: () => void;
}) {
  const headingId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  return (
    <div
      ref={panelRef}
      id={id}
      role="region"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="notification-panel"
      className="absolute inset-x-2 top-full z-30 mt-1 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg focus:outline-none sm:inset-x-auto sm:right-0 sm:mt-2 sm:w-96"
    >
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          Notifications
        </h2>
        {unread > 0 && <MarkAllReadButton onDone={onAllRead} />}
      </div>
      <div className="max-h-[60vh] overflow-y-auto">
        {load.state === "loaded" ? (
          load.items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-600">Nothing yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {load.items.map((item) => (
                <li key={item.id}>
                  <NotificationEntry
                    item={item}
                    markOnOpen={markOnOpen}
                    onOpened={() => onOpened(item.id)}
                    compact
                  />
                </li>
              ))}
            </ul>
          )
        ) : load.state === "failed" ? (
          <p role="alert" className="px-3 py-6 text-center text-sm text-rose-700">
            The notifications could not be loaded — try again.
          </p>
        ) : (
          <p role="status" className="px-3 py-6 text-center text-sm text-slate-600">
            Loading…
          </p>
        )}
      </div>
      <div className="border-t border-slate-200 px-3 py-2 text-right">
        <Link
          href="/notifications"
          onClick={onClose}
          className="text-sm font-medium text-indigo-700 underline hover:no-underline"
        >
          See all
        </Link>
      </div>
    </div>
  );
}
