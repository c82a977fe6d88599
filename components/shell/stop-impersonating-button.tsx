"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { stopImpersonatingAction } from "@/app/(portal)/admin/users/actions";

export function StopImpersonatingButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="ml-auto flex items-center gap-2">
      {error && <span role="alert">{error}</span>}
      <button
        type="button"
        disabled={pending}
        className="rounded-md bg-amber-950 px-3 py-1 text-sm font-medium text-amber-50 hover:bg-amber-900"
        onClick={() =>
          startTransition(async () => {
            const result = await stopImpersonatingAction({});
            if (!result.ok) return setError(result.error);
            router.push("/admin/users");
            router.refresh();
          })
        }
      >
        {pending ? "Stopping…" : "Stop impersonating"}
      </button>
    </span>
  );
}
