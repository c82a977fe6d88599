"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

/**
 * A form that posts to a server action built with defineAction, shows its plain-words error
 * and field errors, and refreshes the page's server data on success. Inputs are ordinary
 * named fields, so the page stays a server component.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = "Saving…",
  variant = "primary",
  confirmText,
  successText,
  className = "flex flex-wrap items-end gap-2",
  testId,
  children,
}: {
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  confirmText?: string;
  successText?: string;
  className?: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fields: [string, string[]][] } | null>(null);
  const [done, setDone] = useState(false);

  return (
    <form
      ref={formRef}
      data-testid={testId}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirmText && !window.confirm(confirmText)) return;
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await action(form);
          if (!result.ok) {
            setDone(false);
            return setError({ message: result.error, fields: Object.entries(result.fieldErrors) });
          }
          setError(null);
          setDone(true);
          formRef.current?.reset();
          router.refresh();
        });
      }}
    >
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      {error && (
        <div role="alert" className="w-full text-sm text-rose-700">
          <p>{error.message}</p>
          {error.fields.length > 0 && (
            <ul className="list-disc pl-5">
              {error.fields.map(([field, messages]) => (
                <li key={field}>
                  <span className="font-medium">{field}</span>: {messages.join(", ")}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {done && successText && !error && (
        <p role="status" className="w-full text-sm text-emerald-700">
          {successText}
        </p>
      )}
    </form>
  );
}
