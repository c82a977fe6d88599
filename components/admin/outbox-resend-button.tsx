"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { resendEmailAction } from "@/app/(portal)/admin/outbox/actions";
import { Button } from "@/components/ui/button";

/** "Send again": queues a copy of this e-mail (audited); the list then shows the new row on top. */
export function OutboxResendButton({
  outboxId,
  recipient,
  confirmText,
}: {
  outboxId: string;
  recipient: string;
  /** Asked first (a delivered one): sending it twice is usually a slip. */
  confirmText: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        aria-label={`Send again to ${recipient}`}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await resendEmailAction({ outboxId });
            setMessage(result.ok ? { ok: true, text: "Queued again" } : { ok: false, text: result.error });
            if (result.ok) router.refresh();
          });
        }}
      >
        {pending ? "Queuing…" : "Send again"}
      </Button>
      {message && (
        <span role="status" className={`text-sm ${message.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {message.text}
        </span>
      )}
    </span>
  );
}
