import type { ErrorCode } from "@/lib/errors/codes";

/**
 * Errors a mutation throws to end with a message the user can act on. The action wrapper
 * turns them into `{ ok: false, code, error }` results; anything else is logged and reported
 * generically. The code is the stable part (lib/errors/codes.ts); the sentence is for people.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
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
    super("not_found", `${what} was not found.`);
    this.name = "NotFoundError";
  }
}

/** Someone else changed the record first; the user should reload and decide again. */
export class ConflictError extends UserFacingError {
  constructor(message = "This record changed while you were looking at it — reload and try again.") {
    super("stale", message);
    this.name = "ConflictError";
  }
}

/**
 * A refusal whose writes must stay: thrown from a wrapped action, the transaction still
 * commits (the cleanup and the audit row of the refusal), then the caller gets the failure.
 * For refusals that end something for good — an uploaded file whose bytes are not what it
 * claimed is deleted, its pending row removed and the refusal audited (lib/documents/confirm-upload.ts).
 */
export class CommittedRefusal extends UserFacingError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = "CommittedRefusal";
  }
}
