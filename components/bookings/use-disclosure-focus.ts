"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Focus for a panel that a button opens in place of itself (Reschedule, Cancel): opening moves
 * focus to the panel's heading (read out first, and the next Tab reaches its first control);
 * closing — Escape, the panel's own close button, or done — gives focus back to the button that
 * opened it, which is back in the page by then (WCAG 2.4.3).
 */
export function useDisclosureFocus() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<"panel" | "opener" | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === "panel") heading.current?.focus();
    if (target === "opener") opener.current?.focus();
  }, [open]);

  return {
    open,
    opener,
    heading,
    show: () => {
      pendingFocus.current = "panel";
      setOpen(true);
    },
    /** Closes; `returnFocus: false` when the caller puts focus elsewhere (the opener may be gone). */
    close: ({ returnFocus = true }: { returnFocus?: boolean } = {}) => {
      pendingFocus.current = returnFocus ? "opener" : null;
      setOpen(false);
    },
  };
}
