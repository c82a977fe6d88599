import type { NotificationView } from "@/lib/notifications/notification-view";
import { NotificationLink } from "./notification-link";

/**
 * One notification: its sentence (a link to the booking) and when it happened. Unread ones carry
 * a dot and a tinted background, and say "Unread" to screen readers — colour alone says nothing.
 */
export function NotificationEntry({
  item,
  markOnOpen,
  onOpened,
  compact = false,
}: {
  item: NotificationView;
  markOnOpen: boolean;
  onOpened?: () => void;
  compact?: boolean;
}) {
  return (
    <div
      data-testid="notification-item"
      data-unread={item.unread ? "true" : "false"}
      className={`flex items-start gap-2 ${compact ? "px-3 py-2" : "px-4 py-3"} ${item.unread ? "bg-indigo-50" : "bg-white"}`}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${item.unread ? "bg-indigo-600" : "bg-transparent"}`}
      />
      <div className="min-w-0 flex-1">
        <NotificationLink
          notificationId={item.id}
          href={item.href}
          unread={item.unread}
          markOnOpen={markOnOpen}
          onOpened={onOpened}
          className={`block text-sm break-words hover:underline focus-visible:underline ${item.unread ? "font-medium text-slate-900" : "text-slate-700"}`}
        >
          {item.unread && <span className="sr-only">Unread: </span>}
          {item.sentence}
        </NotificationLink>
        <time dateTime={item.atIso} className="mt-0.5 block text-xs text-slate-600">
          {item.at}
        </time>
      </div>
    </div>
  );
}
