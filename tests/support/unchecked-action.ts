import type { ActionResult } from "@/lib/actions/result";

/**
 * For tests that run many definitions over inputs kept as data (every admin action refused, each
 * write rolled back): the input's type is not checked here — each definition's zod schema still
 * checks it at run time, which is what those tests are about. Everywhere else an action takes
 * exactly its schema's input type.
 */
export const withUncheckedInput = <Output>(action: (input: never) => Promise<ActionResult<Output>>) =>
  action as (input: unknown) => Promise<ActionResult<Output>>;
