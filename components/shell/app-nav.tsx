import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import type { Actor } from "@/lib/authz/actor";
import { NavLinks } from "./nav-links";
import { navItemsFor, personaLabel } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

export function AppNav({ actor, unreadNotifications }: { actor: Actor; unreadNotifications: number }) {
  return (
    // `relative`: on a phone the notification panel hangs from the header's bottom edge.
    <header className="relative border-b border-slate-200 bg-white">
      {/* On a phone the links take a row of their own under the name and Sign out. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="inline-flex min-h-6 items-center font-semibold text-indigo-700">
          IME Portal
        </Link>
        <nav
          aria-label="Main"
          className="order-last flex w-full flex-wrap gap-x-4 gap-y-1 text-sm sm:order-none sm:w-auto"
        >
          {/* The current section: aria-current="page", and bold + underlined (not colour alone). */}
          <NavLinks
            items={navItemsFor(actor)}
            className="inline-flex min-h-6 items-center py-1 hover:text-indigo-700"
            currentClassName="font-semibold text-indigo-800 underline decoration-2 underline-offset-4"
            otherClassName="text-slate-700"
          />
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-right leading-tight">
            <span className="block font-medium whitespace-nowrap" data-testid="signed-in-user">
              {actor.name}
            </span>
            <span className="block text-xs text-slate-600">{personaLabel(actor)}</span>
          </span>
          {/* While an admin impersonates, opening a notification must not mark it read for the user. */}
          <NotificationBell unread={unreadNotifications} markOnOpen={!actor.impersonatorId} />
          <NavLinks
            items={[{ href: "/settings/notifications", label: "Settings", match: "/settings" }]}
            className="inline-flex min-h-6 items-center rounded-md py-1 hover:text-indigo-700 hover:underline"
            currentClassName="font-semibold text-indigo-800 underline decoration-2 underline-offset-4"
            otherClassName="text-slate-700"
          />
          {!actor.impersonatorId && <SignOutButton />}
        </div>
      </div>
    </header>
  );
}
