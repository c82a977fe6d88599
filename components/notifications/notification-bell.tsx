"use client";
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import type { LatestNotifications } from "@/lib/notifications/notification-view";
import type { PanelLoad } from "./notification-panel";

// The panel's code comes when the bell is first opened, not with every page: the bell is in the
// shell, so each kilobyte here is on every page's first load (issue 14's budget). React.lazy, not
// next/dynamic, whose loader would cost more than the panel saves.
const NotificationPanel = lazy(() =>
  import("./notification-panel").then((module) => ({ default: module.NotificationPanel })),
);

const bellLabel = (unread: number) =>
  unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;

/**
 * The header's bell: the unread count (from the layout), and on opening the latest few, fetched
 * then so they are current, in NotificationPanel. A disclosure: the button says whether it is
 * open; Escape or a click outside closes it and gives focus back to the button; opening moves
 * focus into the panel.
 */
export function NotificationBell({
  unread: unreadFromServer,
  markOnOpen,
}: {
  unread: number;
  markOnOpen: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<PanelLoad>({ state: "idle" });
  // The server's count, until this component learns better (an item opened, all marked, a fetch).
  const [serverCount, setServerCount] = useState(unreadFromServer);
  const [unread, setUnread] = useState(unreadFromServer);
  if (serverCount !== unreadFromServer) {
    setServerCount(unreadFromServer);
    setUnread(unreadFromServer);
  }
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const fetchLatest = useCallback(async () => {
    setLoad({ state: "loading" });
    try {
      const response = await fetch("/api/notifications/latest", { cache: "no-store" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = (await response.json()) as LatestNotifications;
      setLoad({ state: "loaded", items: body.items });
      setUnread(body.unread);
    } catch {
      setLoad({ state: "failed" });
    }
  }, []);

  useEffect(() => {
    if (!open) return; // the panel takes focus itself once it is there
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, close]);

  const markedOne = (id: string) => {
    setUnread((count) => Math.max(0, count - 1));
    setLoad((current) =>
      current.state === "loaded"
        ? {
            state: "loaded",
            items: current.items.map((item) => (item.id === id ? { ...item, unread: false } : item)),
          }
        : current,
    );
    setOpen(false);
  };

  return (
    // From sm up the panel hangs from the bell; on a phone from the header (AppNav's <header> is
    // `relative`), full width under it, so it never covers the bell that opened it.
    <div ref={wrapperRef} className="sm:relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={bellLabel(unread)}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={() => {
          if (open) return close(false);
          setOpen(true);
          void fetchLatest(); // its failure is shown in the panel, never thrown
        }}
        className="relative inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.8}
          strokeLinecap="round"
          strokeLinejoin="round"
          className="size-5"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            data-testid="notification-badge"
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs leading-5 font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        // Nothing while the panel's code arrives (a blink at most); the panel focuses itself.
        <Suspense fallback={null}>
          <NotificationPanel
            id={panelId}
            unread={unread}
            load={load}
            markOnOpen={markOnOpen}
            onAllRead={() => {
              setUnread(0);
              setLoad((current) =>
                current.state === "loaded"
                  ? { state: "loaded", items: current.items.map((item) => ({ ...item, unread: false })) }
                  : current,
              );
            }}
            onOpened={markedOne}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </div>
  );
}
