"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllNotificationsReadAction } from "@/app/(portal)/notifications/actions";

/** "Mark all read": every notification the reader can see; the page (and the bell's count) refresh. */
export function MarkAllReadButton({ onDone, className = "" }: { onDone?: () => void; className?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <button
        type="button"
        disabled={pending}
        className={`rounded-md text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:text-slate-500 ${className}`}
        onClick={() =>
          startTransition(async () => {
            const result = await markAllNotificationsReadAction({});
            if (!result.ok) {
              setError(result.error);
              return;
            }
            setError(null);
            onDone?.();
            router.refresh();
          })
        }
      >
        {pending ? "Marking…" : "Mark all read"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
