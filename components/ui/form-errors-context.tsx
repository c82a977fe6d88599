"use client";
import { createContext, useContext, type ReactNode } from "react";

type FieldErrors = Record<string, string[] | undefined>;

const FormErrorsContext = createContext<FieldErrors>({});

/**
 * The last failed submit's field errors, for every FormField/FieldSet inside — so a form whose
 * fields are written in a server page (ActionForm's children) still marks them invalid, ties the
 * message to them and lets the focus move there.
 */
export function FormErrorsProvider({ errors, children }: { errors: FieldErrors; children: ReactNode }) {
  return <FormErrorsContext.Provider value={errors}>{children}</FormErrorsContext.Provider>;
}

/** The field's errors: the ones it was given, else the enclosing form's last failure's. */
export function useFieldErrors(name: string, given: string[] | undefined): string[] | undefined {
  const fromForm = useContext(FormErrorsContext)[name];
  return given ?? fromForm;
}
