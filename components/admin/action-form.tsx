"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { FormErrorsProvider } from "@/components/ui/form-errors-context";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";

/**
 * A form that posts to a server action built with defineAction, shows its plain-words error
 * and field errors, and refreshes the page's server data on success. Inputs are ordinary
 * named fields (FormField), so the page stays a server component: the last failure's field errors
 * reach them through FormErrorsProvider, focus moves to the first invalid one (else the summary),
 * and the button is usable again at once.
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
  const [failure, setFailure] = useState<{ error: string; fieldErrors: Record<string, string[]> } | null>(
    null,
  );
  const [done, setDone] = useState(false);
  useFocusOnFailure(formRef, failure);

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
            return setFailure({ error: result.error, fieldErrors: result.fieldErrors });
          }
          setFailure(null);
          setDone(true);
          formRef.current?.reset();
          router.refresh();
        });
      }}
    >
      <FormErrorsProvider errors={failure?.fieldErrors ?? {}}>{children}</FormErrorsProvider>
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
      {failure ? (
        <div className="w-full">
          <FormErrorSummary error={failure.error} fieldErrors={failure.fieldErrors} />
        </div>
      ) : null}
      {done && successText && !failure && (
        <p role="status" className="w-full text-sm text-emerald-700">
          {successText}
        </p>
      )}
    </form>
  );
}
