/**
 * The ids a field's hint and error hang on. Plain functions in a plain module, so server pages,
 * client forms and the client field view (components/ui/form-field-view.tsx) share them.
 */
export const fieldErrorId = (id: string) => `${id}-error`;
export const fieldHintId = (id: string) => `${id}-hint`;
