import Link from "next/link";
import type { Actor } from "@/lib/authz/actor";
import { navItemsFor, personaLabel } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

export function AppNav({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="font-semibold text-indigo-700">IME Portal</Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {navItemsFor(actor).map((item) => (
            <Link key={item.href} href={item.href} className="text-slate-700 hover:text-indigo-700">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-right leading-tight">
            <span className="block font-medium" data-testid="signed-in-user">{actor.name}</span>
            <span className="block text-xs text-slate-500">{personaLabel(actor)}</span>
          </span>
          {!actor.impersonatorId && <SignOutButton />}
        </div>
      </div>
    </header>
  );
}
