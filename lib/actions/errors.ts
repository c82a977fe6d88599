/**
 * Errors a mutation throws to end with a message the user can act on. The action wrapper
 * turns them into `{ ok: false }` results; anything else is logged and reported generically.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Missing and forbidden look the same to the user: no hint that the record exists. */
export class NotFoundError extends UserFacingError {
  constructor(what = "That record") {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** Someone else changed the record first; the user should reload and decide again. */
export class ConflictError extends UserFacingError {
  constructor(message = "This record changed while you were looking at it — reload and try again.") {
    super(message);
    this.name = "ConflictError";
  }
}
