"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { markNotificationReadAction } from "@/app/(portal)/notifications/actions";

/**
 * A notification's link to its booking that marks it read on the way. A plain click marks, then
 * navigates; a modified click (new tab, window) just follows the link. `markOnOpen` is false
 * while an admin impersonates: reading someone's list for them must not mark it read for them.
 */
export function NotificationLink({
  notificationId,
  href,
  unread,
  markOnOpen,
  onOpened,
  className,
  children,
}: {
  notificationId: string;
  href: string;
  unread: boolean;
  markOnOpen: boolean;
  /** Told once the notification counts as read (the bell lowers its badge). */
  onOpened?: () => void;
  className?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Link
      href={href}
      className={className}
      aria-busy={pending || undefined}
      onClick={(event) => {
        if (!unread || !markOnOpen) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        startTransition(async () => {
          // A failure to mark must not keep the reader from the booking: navigate either way.
          const result = await markNotificationReadAction({ notificationId });
          if (result.ok) onOpened?.();
          router.push(href);
          router.refresh();
        });
      }}
    >
      {children}
    </Link>
  );
}
