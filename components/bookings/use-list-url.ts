"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { changedUrl, historyStep, NO_BURST, type TypingBurst, type UrlChange } from "@/lib/url/history-step";

/**
 * Changes the list's URL (its whole state lives there) one history step per deliberate
 * change, typing bursts folded into one step — see lib/url/history-step.ts.
 */
export function useListUrl() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const burst = useRef<TypingBurst>(NO_BURST);
  // After Back or Forward, typing starts a new step rather than replacing the entry we returned to.
  useEffect(() => {
    const endBurst = () => (burst.current = NO_BURST);
    window.addEventListener("popstate", endBurst);
    return () => window.removeEventListener("popstate", endBurst);
  }, []);

  const navigate = (changes: Record<string, string | null>, change: UrlChange) => {
    const href = changedUrl(pathname, searchParams.toString(), changes);
    const step = historyStep(
      burst.current,
      change,
      `${window.location.pathname}${window.location.search}`,
      href,
    );
    burst.current = step.burst;
    startTransition(() =>
      step.mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false }),
    );
  };
  /** The field lost focus: its next typed change is a new step. */
  const endTyping = (field: string) => {
    if (burst.current.field === field) burst.current = NO_BURST;
  };
  return { navigate, endTyping, pending, pathname };
}
