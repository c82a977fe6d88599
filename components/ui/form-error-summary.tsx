"use client";
import { useEffect, type RefObject } from "react";

/**
 * After a submit fails, focus goes where the person can fix it (WCAG 3.3.1, 2.4.3): the first
 * invalid control of the form, else the summary. Call with the form's ref and the result of the
 * last submit; it acts once per failed result.
 */
export function useFocusOnFailure(
  formRef: RefObject<HTMLFormElement | null>,
  failure: { error: string; fieldErrors?: Record<string, string[] | undefined> } | null,
) {
  useEffect(() => {
    if (!failure) return;
    const form = formRef.current;
    if (!form) return;
    const invalid = form.querySelector<HTMLElement>(
      '[aria-invalid="true"]:not(fieldset), fieldset[aria-invalid="true"] input',
    );
    const target = invalid ?? form.querySelector<HTMLElement>("[data-error-summary]");
    target?.focus();
  }, [failure, formRef]);
}

/** The control of field `name` in the link's own form (ids repeat across a page's forms), else by id. */
function controlOf(link: HTMLElement, name: string): HTMLElement | null {
  const scope = link.closest("form") ?? document;
  const field = scope.querySelector(`[data-field="${CSS.escape(name)}"]`);
  return (
    field?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea") ??
    document.getElementById(name)
  );
}

/**
 * The form's error at its top: a sentence, and a link to each field with an error (the links
 * move focus to the control). Announced when it appears (role="alert").
 */
export function FormErrorSummary({
  error,
  fieldErrors = {},
  labels = {},
}: {
  error: string | null | undefined;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Field name → its label, for the links; fields without a label are listed by message only. */
  labels?: Record<string, string>;
}) {
  if (!error) return null;
  const fields = Object.entries(fieldErrors).filter(([, messages]) => messages?.length);
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-error-summary
      className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-800 focus:ring-2 focus:ring-rose-600 focus:outline-none"
    >
      <p className="font-medium">{error}</p>
      {fields.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {fields.map(([name, messages]) => (
            <li key={name}>
              <a
                href={`#${name}`}
                className="inline-block py-1 underline"
                onClick={(event) => {
                  const control = controlOf(event.currentTarget, name);
                  if (!control) return;
                  event.preventDefault();
                  control.focus();
                }}
              >
                {labels[name] ? `${labels[name]}: ` : ""}
                {messages![0]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
