import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";
import { UserFacingError } from "./errors";
import { failure, success, type ActionResult } from "./result";
import { resolveRequestActor, type RequestActor } from "./request-actor";

export interface ActionContext {
  actor: Actor;
  tx: Tx;
  /** Writes an audit row in this action's transaction, with actor and impersonation filled in. */
  audit: (entry: AuditEntry) => Promise<void>;
  auditContext: AuditContext;
}

export interface ActionDefinition<Schema extends z.ZodType, Output> {
  input: Schema;
  /** The coarse permission, asked of the policy module before anything runs. */
  authorize: (actor: Actor) => boolean;
  /** Runs inside one transaction; record-level checks go through the policy module too. */
  run: (context: ActionContext, input: z.infer<Schema>) => Promise<Output>;
}

const formDataToObject = (form: FormData) =>
  Object.fromEntries([...form.keys()].map((key) => {
    const values = form.getAll(key);
    return [key, values.length > 1 ? values : values[0]];
  }));

/**
 * The one wrapper for every mutation: load the session's actor, parse the input with zod,
 * check the declared permission, run in a transaction with audit, return a typed result.
 * A forbidden actor gets the same answer as a missing record.
 */
export function defineAction<Schema extends z.ZodType, Output>(
  definition: ActionDefinition<Schema, Output>,
  resolveActor: () => Promise<RequestActor | null> = resolveRequestActor,
) {
  return async (raw: unknown): Promise<ActionResult<Output>> => {
    const requestActor = await resolveActor();
    if (!requestActor) return failure("Your session has ended — sign in again.");
    const parsed = definition.input.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) {
      const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
      return failure("Please correct the highlighted fields.", fieldErrors);
    }
    const { actor, auditContext } = requestActor;
    if (!definition.authorize(actor)) return failure("Not found.");
    try {
      const data = await getDb().transaction((tx) =>
        definition.run(
          { actor, tx, auditContext, audit: (entry) => recordAudit(tx, auditContext, entry) },
          parsed.data,
        ),
      );
      return success(data);
    } catch (error) {
      if (error instanceof UserFacingError) return failure(error.message, error.fieldErrors);
      console.error("action failed", error);
      return failure("Something went wrong and nothing was changed. Please try again.");
    }
  };
}
