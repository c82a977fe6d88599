"use client";
import type { ReactNode } from "react";
import { useRowLinks } from "@/components/ui/row-links";

/** The portal's <main> (the skip link's target), which also runs every list's row links (row-links.ts). */
export function PortalMain({ children }: { children: ReactNode }) {
  const rowLinks = useRowLinks();
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8" {...rowLinks}>
      {children}
    </main>
  );
}
