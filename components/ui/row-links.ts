"use client";
import { useRouter } from "next/navigation";
import { useRef, type MouseEvent, type SyntheticEvent } from "react";
import { ROW_LINK_SELECTOR } from "./row-link";

const rowLinkIn = (event: SyntheticEvent) =>
  event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(ROW_LINK_SELECTOR) : null;

/**
 * Client-side navigation for lists' links to bookings, delegated to the list's container (the
 * bookings table, a home's RowLinksArea). Why not `next/link` per row: each Link is a component
 * with its own hooks on the server (a page of 25–100 rows, a specialist's week of 56, renders them
 * all) and, in the browser, prefetches its page when it scrolls into view — a list asked the
 * server for every booking page on it, opened or not. Here a row's link is a plain anchor
 * (middle-click, open in new tab and copy link work as anchors do); a plain click navigates in the
 * app, and a pointer resting on it or focus reaching it prefetches that one page.
 */
export function useRowLinks() {
  const router = useRouter();
  const prefetched = useRef(new Set<string>());

  const prefetch = (event: SyntheticEvent) => {
    const href = rowLinkIn(event)?.getAttribute("href");
    if (!href || prefetched.current.has(href)) return;
    prefetched.current.add(href);
    router.prefetch(href);
  };

  const onClick = (event: MouseEvent) => {
    const link = rowLinkIn(event);
    const href = link?.getAttribute("href");
    // Anything but a plain primary click keeps the browser's own meaning (new tab, download…).
    if (!href || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(href);
  };

  return { onClick, onPointerOver: prefetch, onFocus: prefetch };
}
