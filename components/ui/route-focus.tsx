"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { focusPageHeading } from "./focus-page-heading";
import { useAnnounce } from "./live-region";

const HEADING_WAIT_MS = 3000;

/**
 * After a client-side page change, focus goes to the new page's `<h1>` (given tabIndex=-1), so a
 * keyboard or screen-reader user starts reading the page they arrived at instead of wherever the
 * old link was (WCAG 2.4.3). A new pathname always counts. A query-string change (sorting, paging,
 * typing into a search box) keeps focus on the control being used — unless that control is gone
 * with the old content (a "Book" link from /bookings/new to /bookings/new?specialist=…), which
 * would leave focus on <body>. The first load is left alone (the skip link is the first stop).
 *
 * A status message that arrives with the page (e.g. the booking page's "Booked." after
 * `?booked=1`) is read out through the persistent live region: a role="status" element rendered
 * with its text is often not announced. (`data-progress` marks a status that reports loading, not
 * a result: it is not read out on arrival.)
 */
export function RouteFocus() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const previous = useRef({ pathname, search });
  const announce = useAnnounce();

  useEffect(() => {
    const before = previous.current;
    if (before.pathname === pathname && before.search === search) return;
    previous.current = { pathname, search };
    const newPage = before.pathname !== pathname;
    const main = document.getElementById("main");
    if (!main) return;
    let frame = 0;
    const started = performance.now();
    const settle = () => {
      const active = document.activeElement;
      const focusLost = !active || active === document.body || !active.isConnected;
      if (!newPage && !focusLost) return;
      // The new page already put focus on one of its fields: keep it. (A link that still has focus
      // is the one just followed, e.g. in the admin console's own menu: the heading takes over.)
      if (active instanceof HTMLElement && main.contains(active) && active.matches("input, select, textarea"))
        return;
      if (!focusPageHeading()) {
        // The page may still be streaming in behind a loading state: look again next frame.
        if (performance.now() - started < HEADING_WAIT_MS) frame = requestAnimationFrame(settle);
        return;
      }
      if (!newPage) return;
      const status = main.querySelector<HTMLElement>('[role="status"]:not([data-progress])');
      const text = status?.innerText.trim();
      if (text) announce(text);
    };
    frame = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(frame);
  }, [pathname, search, announce]);

  return null;
}
