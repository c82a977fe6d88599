export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors: Record<string, string[]> };

export const success = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const failure = (error: string, fieldErrors: Record<string, string[]> = {}): ActionResult<never> => ({
  ok: false,
  error,
  fieldErrors,
});
