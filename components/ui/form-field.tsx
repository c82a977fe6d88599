import { cloneElement, isValidElement, type ReactElement } from "react";
import {
  FieldSetView,
  FormFieldView,
  type FieldSetViewProps,
  type FormFieldViewProps,
} from "./form-field-view";

export { fieldErrorId, fieldHintId } from "./form-field-ids";

/**
 * The one form field of the portal (WCAG 1.3.1, 3.3.1, 4.1.2): a visible label tied to its
 * control, the hint and the error tied by `aria-describedby`, and `aria-invalid` on the control
 * while it has an error. This module has no "use client": server pages and client forms both
 * import it (the class names must stay plain strings for server pages). The rendering lives in
 * form-field-view.tsx, a client component, so a field also shows the error of the enclosing
 * form's last failed submit (ActionForm, or any form inside `FormErrorsProvider`).
 *
 * The control is the single child element; it receives `id`, `aria-invalid` and
 * `aria-describedby` (its own `aria-describedby` is kept). The id defaults to `name`: give an
 * `id` when the same name appears twice on one page (rows of a list). For a group of radios or
 * checkboxes use `FieldSet` instead.
 */
export const fieldControlClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:border-rose-600";

/** The compact control of dense admin toolbars and table rows (24 px high at least). */
export const compactControlClass =
  "min-h-6 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:border-rose-600";

export interface FormFieldProps extends FormFieldViewProps {
  label: React.ReactNode;
  /** The control's id (defaults to `name`): label, hint and error hang on it. */
  id?: string;
  name: string;
  hint?: React.ReactNode;
  /** Messages for this field (the first is shown); without, the enclosing form's last failure's. */
  errors?: string[];
  /** "compact" puts a small label above a dense control (admin toolbars). */
  size?: "regular" | "compact";
  className?: string;
  /** Announce the error as it appears (role="alert"): for small forms without an error summary. */
  announce?: boolean;
  children: React.ReactNode;
}

/**
 * The control gets its id here, where it is still a real element (on the server for a server
 * page): by the time it reaches the client view it may be a lazy reference that cannot be cloned,
 * and a label without its control's id names nothing.
 */
export function FormField(props: FormFieldProps) {
  const { children, id, name } = props;
  const control = isValidElement(children)
    ? cloneElement(children as ReactElement<{ id?: string }>, { id: id ?? name })
    : children;
  return <FormFieldView {...props}>{control}</FormFieldView>;
}

/** A group of radios or checkboxes: the legend names the group, the error is tied to it. */
export function FieldSet(props: FieldSetViewProps) {
  return <FieldSetView {...props} />;
}
