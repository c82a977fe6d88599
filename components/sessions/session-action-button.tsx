"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

/**
 * One button posting a sessions action (sign out one session, or all others) with its fields;
 * the list refreshes on success, and a refusal is said beside the button. `accessibleName` tells
 * a screen reader which session the button ends, where the eye reads it off the card.
 */
export function SessionActionButton({
  action,
  fields,
  label,
  accessibleName,
  successText,
  variant = "secondary",
  testId,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  fields: Record<string, string>;
  label: string;
  accessibleName?: string;
  successText?: string;
  variant?: "secondary" | "danger";
  testId?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  return (
    <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
      <Button
        type="button"
        variant={variant}
        disabled={pending}
        aria-label={accessibleName}
        data-testid={testId}
        onClick={() =>
          startTransition(async () => {
            const form = new FormData();
            for (const [name, value] of Object.entries(fields)) form.set(name, value);
            const result = await action(form);
            setMessage(
              result.ok
                ? successText
                  ? { error: false, text: successText }
                  : null
                : { error: true, text: result.error },
            );
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? "Signing out…" : label}
      </Button>
      {message && (
        <p
          role={message.error ? "alert" : "status"}
          className={`text-sm ${message.error ? "text-rose-700" : "text-emerald-700"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
