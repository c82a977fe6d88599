"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import {
  addOrganizationContactAction,
  removeOrganizationContactAction,
} from "@/app/(portal)/admin/organizations/contacts-actions";
import {
  addBookingContactAction,
  removeBookingContactAction,
} from "@/app/(portal)/bookings/[bookingId]/contacts-actions";
import { Button } from "@/components/ui/button";
import { fieldControlClass, FormField } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/actions/result";
import { LIMITS } from "@/lib/validation/bounds";

export interface RecipientRow {
  id: string;
  email: string;
  name: string | null;
}

/** Whose list it is: a booking's, or an organization's defaults for its new bookings. */
export type RecipientScope = { bookingId: string } | { organizationId: string };

function add(scope: RecipientScope, email: string, name: string): Promise<ActionResult<unknown>> {
  return "bookingId" in scope
    ? addBookingContactAction({ bookingId: scope.bookingId, email, name })
    : addOrganizationContactAction({ organizationId: scope.organizationId, email, name });
}

function remove(scope: RecipientScope, contactId: string): Promise<ActionResult<unknown>> {
  return "bookingId" in scope
    ? removeBookingContactAction({ bookingId: scope.bookingId, contactId })
    : removeOrganizationContactAction({ organizationId: scope.organizationId, contactId });
}

/**
 * The list of further e-mail recipients with a form to add one and a button to remove each.
 * Errors stand under the field they are about; the list refreshes from the server after a change.
 */
export function ReportRecipients({
  scope,
  recipients,
  headingId,
}: {
  scope: RecipientScope;
  recipients: RecipientRow[];
  /** The id of the section heading, so the list is named by it. */
  headingId: string;
}) {
  const router = useRouter();
  const formId = useId();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<{ email?: string; name?: string; form?: string }>({});
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const emailInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  return (
    <div className="space-y-4">
      {recipients.length === 0 ? (
        <p className="text-sm text-slate-600">No further recipients yet.</p>
      ) : (
        <ul aria-labelledby={headingId} className="divide-y divide-slate-100" data-testid="recipient-list">
          {recipients.map((recipient) => (
            <li key={recipient.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0 text-sm">
                {recipient.name && <span className="block font-medium text-slate-900">{recipient.name}</span>}
                <span className="block break-all text-slate-700">{recipient.email}</span>
              </div>
              <Button
                type="button"
                variant="secondary"
                className="px-2 py-1"
                disabled={pending}
                aria-label={`Remove ${recipient.email}`}
                onClick={() =>
                  startTransition(async () => {
                    setStatus(null);
                    const result = await remove(scope, recipient.id);
                    if (!result.ok) return setErrors({ form: result.error });
                    setErrors({});
                    setStatus(`${recipient.email} removed.`);
                    router.refresh();
                  })
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}

      <form
        noValidate
        className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1.5fr)_auto] sm:items-start"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            setStatus(null);
            const result = await add(scope, email, name);
            if (!result.ok) {
              const fields = result.fieldErrors;
              // A refusal about a field goes under it; anything else under the form.
              const form = fields.email || fields.name ? undefined : result.error;
              setErrors({ email: fields.email?.[0], name: fields.name?.[0], form });
              // Take the keyboard to the field to fix; its message is read as its description.
              (fields.email ? emailInput : fields.name ? nameInput : null)?.current?.focus();
              return;
            }
            setErrors({});
            setStatus(`${email.trim()} added.`);
            setEmail("");
            setName("");
            router.refresh();
          });
        }}
      >
        <FormField
          label="E-mail"
          name="email"
          id={`${formId}-email`}
          errors={errors.email ? [errors.email] : undefined}
        >
          <input
            ref={emailInput}
            type="email"
            autoComplete="off"
            value={email}
            maxLength={LIMITS.email}
            onChange={(e) => setEmail(e.target.value)}
            className={fieldControlClass}
            placeholder="name@example.com"
          />
        </FormField>
        <FormField
          label={
            <>
              Name <span className="font-normal text-slate-600">(optional)</span>
            </>
          }
          name="name"
          id={`${formId}-name`}
          errors={errors.name ? [errors.name] : undefined}
        >
          <input
            ref={nameInput}
            type="text"
            autoComplete="off"
            value={name}
            maxLength={LIMITS.personName}
            onChange={(e) => setName(e.target.value)}
            className={fieldControlClass}
          />
        </FormField>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Saving…" : "Add recipient"}
        </Button>
      </form>
      {errors.form && (
        <p role="alert" className="rounded-md bg-rose-100 px-3 py-2 text-sm text-rose-800">
          {errors.form}
        </p>
      )}
      <p role="status" className="text-sm text-emerald-800">
        {status}
      </p>
    </div>
  );
}
