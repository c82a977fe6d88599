"use client";
import { cloneElement, isValidElement, useEffect, type ReactElement, type ReactNode } from "react";
import { useFieldErrors } from "./form-errors-context";
import { fieldErrorId, fieldHintId } from "./form-field-ids";

/**
 * What FormField and FieldSet render (components/ui/form-field.tsx). A client component only so
 * it can read the enclosing form's last failure (FormErrorsProvider); everything it takes is
 * plain data and elements, so server pages render it too.
 */
export interface FormFieldViewProps {
  label: ReactNode;
  id?: string;
  name: string;
  hint?: ReactNode;
  errors?: string[];
  size?: "regular" | "compact";
  className?: string;
  /**
   * Announce the error as it appears (role="alert") — for a form of one or two fields whose error
   * is shown only beside the field; forms with an error summary leave it to the summary.
   */
  announce?: boolean;
  children: ReactNode;
}

const describedByOf = (id: string, error: string | undefined, hint: ReactNode) =>
  [error ? fieldErrorId(id) : null, hint ? fieldHintId(id) : null].filter(Boolean).join(" ");

export function FormFieldView({
  label,
  id,
  name,
  hint,
  errors,
  size = "regular",
  className = "",
  announce = false,
  children,
}: FormFieldViewProps) {
  const controlId = id ?? name;
  const error = useFieldErrors(name, errors)?.[0];
  const describedBy = describedByOf(controlId, error, hint);
  // A control rendered by a server page can reach this client component as a lazy reference rather
  // than an element; then it cannot be cloned: FormField gave it its id on the server, it is drawn
  // as it came, and its error state is set on the element once it is in the page.
  const control = isValidElement(children) ? (children as ReactElement<Record<string, unknown>>) : null;
  useDescribeUnclonedControl(control === null, controlId, Boolean(error), describedBy);
  const wired = control
    ? cloneElement(control, {
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby":
          [control.props["aria-describedby"], describedBy].filter(Boolean).join(" ") || undefined,
      })
    : children;
  const compact = size === "compact";
  return (
    <div
      className={(compact ? `flex flex-col gap-1 ${className}` : className).trim() || undefined}
      data-field={name}
    >
      <label
        htmlFor={controlId}
        className={
          compact ? "text-xs font-medium text-slate-700" : "block text-sm font-medium text-slate-800"
        }
      >
        {label}
      </label>
      {wired}
      {hint ? (
        <p
          id={fieldHintId(controlId)}
          className={compact ? "text-xs text-slate-600" : "mt-1 text-xs text-slate-600"}
        >
          {hint}
        </p>
      ) : null}
      {error ? (
        <p
          id={fieldErrorId(controlId)}
          role={announce ? "alert" : undefined}
          className={compact ? "text-xs text-rose-700" : "mt-1 text-sm text-rose-700"}
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria-invalid / aria-describedby on a control this view could not clone, found by its id. */
function useDescribeUnclonedControl(active: boolean, id: string, invalid: boolean, describedBy: string) {
  useEffect(() => {
    if (!active) return;
    const element = document.getElementById(id);
    if (!element) return;
    if (invalid) element.setAttribute("aria-invalid", "true");
    else element.removeAttribute("aria-invalid");
    if (describedBy) element.setAttribute("aria-describedby", describedBy);
    else element.removeAttribute("aria-describedby");
  }, [active, id, invalid, describedBy]);
}

export interface FieldSetViewProps {
  legend: ReactNode;
  name: string;
  /** The id the hint and error hang on (defaults to `name`); give one when `name` repeats on a page. */
  id?: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: ReactNode;
}

export function FieldSetView({
  legend,
  name,
  id,
  hint,
  errors,
  className = "",
  children,
}: FieldSetViewProps) {
  const groupId = id ?? name;
  const error = useFieldErrors(name, errors)?.[0];
  const describedBy = describedByOf(groupId, error, hint);
  return (
    <fieldset
      className={className || undefined}
      data-field={name}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={fieldHintId(groupId)} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={fieldErrorId(groupId)} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
