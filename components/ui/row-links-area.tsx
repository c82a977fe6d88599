"use client";
import type { ReactNode } from "react";
import { useRowLinks } from "./row-links";

/**
 * A part of a page whose lists link to bookings (a home): its row links navigate in the app
 * (row-links.ts). Only pages with such lists carry it — every page's first load is held to 150 kB.
 */
export function RowLinksArea({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <div className={className} {...useRowLinks()}>
      {children}
    </div>
  );
}
