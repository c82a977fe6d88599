"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markNotificationReadAction } from "@/app/(portal)/notifications/actions";

/** Marks one notification read without opening it. */
export function MarkReadButton({ notificationId, sentence }: { notificationId: string; sentence: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <button
        type="button"
        disabled={pending}
        data-testid="mark-read"
        // Many rows have this button: the name says which notification it marks.
        aria-label={`Mark read: ${sentence}`}
        className="rounded-md px-2 py-1 text-xs font-medium whitespace-nowrap text-indigo-700 hover:bg-white hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:text-slate-500"
        onClick={() =>
          startTransition(async () => {
            const result = await markNotificationReadAction({ notificationId });
            if (!result.ok) {
              setError(result.error);
              return;
            }
            router.refresh();
          })
        }
      >
        {pending ? "Marking…" : "Mark read"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
