"use client";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/**
 * The portal's one polite live region (WCAG 4.1.3 status messages). It is in the page from the
 * first render and only its text changes: screen readers announce changes to a live region that
 * already exists, and often miss one inserted together with its message. Components say what
 * happened with `useAnnounce()("Moved to …")`; outside the provider that is a no-op.
 */
export function LiveRegionProvider({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback<Announce>((next) => {
    if (timer.current) clearTimeout(timer.current);
    // Empty first, then the text a moment later: the same message twice is announced twice.
    setMessage("");
    timer.current = setTimeout(() => setMessage(next), 100);
  }, []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="live-region">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
