"use client";
import { useLinkStatus } from "next/link";

/**
 * Inside a <Link>: a thin bar under the link while the page it asked for is on its way. Portal
 * pages show no skeleton (a streamed fallback made every /bookings load render it and flush the
 * page in pieces, issue 14), so this is what says the click was heard. Nothing is rendered while idle; the
 * bar fades in after 150 ms (.link-pending, globals.css), so a quick page does not flicker. Hidden
 * from screen readers: they hear the new page's heading when it arrives (RouteFocus).
 * The link must be `relative`: the bar is placed on its bottom edge, moving nothing around it.
 */
export function LinkPendingHint() {
  const { pending } = useLinkStatus();
  return pending ? <span aria-hidden className="link-pending" data-testid="link-pending" /> : null;
}
