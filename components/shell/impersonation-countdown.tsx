"use client";
import { useEffect, useState } from "react";

function minutesLeft(expiresAt: string) {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - Date.now()) / 60_000));
}

export function ImpersonationCountdown({ expiresAt }: { expiresAt: string }) {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setLeft(minutesLeft(expiresAt));
    tick();
    const timer = setInterval(tick, 15_000);
    // When the hour is up, reload: the server then puts the admin back into their own session
    // (with a notice) instead of leaving a page whose next click would find no session.
    const end = setTimeout(
      () => window.location.reload(),
      Math.max(0, new Date(expiresAt).getTime() - Date.now()) + 1_000,
    );
    return () => {
      clearInterval(timer);
      clearTimeout(end);
    };
  }, [expiresAt]);
  if (left === null) return null;
  return <span className="rounded bg-amber-200 px-2 py-0.5 text-xs font-medium">{left} min left</span>;
}
