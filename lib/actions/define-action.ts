import { z } from "zod";
import { getDb, type Database, type Tx } from "@/db/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { transactionWithBetterAuth } from "@/lib/auth/auth-transaction";
import type { AuditContext } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";
import { CommittedRefusal } from "./errors";
import { failure, failureFromError, success, type ActionResult } from "./result";
import { resolveRequestActor, type RequestActor } from "./request-actor";

export interface ActionContext {
  actor: Actor;
  tx: Tx;
  /** Writes an audit row in this action's transaction, with actor and impersonation filled in. */
  audit: (entries: AuditEntry | AuditEntry[]) => Promise<void>;
  auditContext: AuditContext;
}

/** What a transaction opened by a `transaction: "manual"` action hands to its callback. */
export interface TransactionScope {
  tx: Tx;
  audit: (entries: AuditEntry | AuditEntry[]) => Promise<void>;
}

/**
 * For actions that must call the outside world (Acuity) before or around their database
 * write: no transaction is opened for them; they open their own with `transaction(fn)`
 * (audit bound to it) when the external call has answered, and can compensate if it fails.
 */
export interface ManualActionContext {
  actor: Actor;
  auditContext: AuditContext;
  db: Database;
  transaction: <T>(fn: (scope: TransactionScope) => Promise<T>) => Promise<T>;
}

interface BaseDefinition<Schema extends z.ZodType, Form extends boolean> {
  input: Schema;
  /** The coarse permission, asked of the policy module before anything runs. */
  authorize: (actor: Actor) => boolean;
  /**
   * `true` when a page posts this action as a plain <form> (components/admin/action-form.tsx):
   * the action then also takes FormData, whose fields the schema must parse from strings.
   * Every other action takes exactly its schema's input type.
   */
  form?: Form;
}

export interface ActionDefinition<
  Schema extends z.ZodType,
  Output,
  Form extends boolean = false,
> extends BaseDefinition<Schema, Form> {
  transaction?: "wrapped";
  /** Runs inside one transaction; record-level checks go through the policy module too. */
  run: (context: ActionContext, input: z.infer<Schema>) => Promise<Output>;
}

export interface ManualActionDefinition<
  Schema extends z.ZodType,
  Output,
  Form extends boolean = false,
> extends BaseDefinition<Schema, Form> {
  transaction: "manual";
  /** Runs outside any transaction; every write goes through `context.transaction`. */
  run: (context: ManualActionContext, input: z.infer<Schema>) => Promise<Output>;
}

const formDataToObject = (form: FormData) =>
  Object.fromEntries(
    [...form.keys()].map((key) => {
      const values = form.getAll(key);
      return [key, values.length > 1 ? values : values[0]];
    }),
  );

/**
 * What the action built from a definition takes: the schema's input type (before zod's
 * defaults and coercions), plus FormData for a form definition. A caller sending another
 * shape fails the typecheck (tests/unit/define-action-input.test-d.ts).
 */
export type ActionInput<Schema extends z.ZodType, Form extends boolean = false> =
  z.input<Schema> | (Form extends true ? FormData : never);

/** The server action itself, as pages and components call it. */
export type Action<Schema extends z.ZodType, Output, Form extends boolean = false> = (
  input: ActionInput<Schema, Form>,
) => Promise<ActionResult<Output>>;

async function execute<Output>(
  definition: ActionDefinition<z.ZodType, Output> | ManualActionDefinition<z.ZodType, Output>,
  { actor, auditContext }: RequestActor,
  input: unknown,
): Promise<Output> {
  const db = getDb();
  const auditIn = (tx: Tx) => (entries: AuditEntry | AuditEntry[]) => recordAudit(tx, auditContext, entries);
  if (definition.transaction === "manual") {
    return definition.run(
      {
        actor,
        auditContext,
        db,
        transaction: (fn) => db.transaction((tx) => fn({ tx, audit: auditIn(tx) })),
      },
      input,
    );
  }
  // better-auth's writes join this transaction too (transactionWithBetterAuth).
  const outcome = await transactionWithBetterAuth(db, async (tx) => {
    try {
      return { output: await definition.run({ actor, tx, auditContext, audit: auditIn(tx) }, input) };
    } catch (error) {
      // Returned, not thrown, so the transaction commits what the refusal wrote.
      if (error instanceof CommittedRefusal) return { refusal: error };
      throw error;
    }
  });
  if ("refusal" in outcome) throw outcome.refusal;
  return outcome.output;
}

/**
 * The one wrapper for every mutation: load the session's actor, check the declared permission,
 * parse the input with zod, run in a transaction with audit, return a typed result.
 * A forbidden actor gets the same answer as a missing record. `transaction: "manual"` is the
 * variant for "external call, then transaction" flows (see ManualActionContext).
 */
export function defineAction<Schema extends z.ZodType, Output, Form extends boolean = false>(
  definition: ActionDefinition<Schema, Output, Form> | ManualActionDefinition<Schema, Output, Form>,
  resolveActor: () => Promise<RequestActor | null> = resolveRequestActor,
): Action<Schema, Output, Form> {
  // The declared type is for callers; at run time the input is whatever arrived over the wire.
  return async (raw: unknown): Promise<ActionResult<Output>> => {
    const requestActor = await resolveActor();
    if (!requestActor) return failure("session_ended", "Your session has ended — sign in again.");
    // Permission before input: field errors would tell someone without the right what the action takes.
    if (!definition.authorize(requestActor.actor)) return failure("not_found", "Not found.");
    // FormData only for form definitions: for the others it is a wrong shape like any other.
    const form = definition.form === true && raw instanceof FormData;
    const parsed = definition.input.safeParse(form ? formDataToObject(raw) : raw);
    if (!parsed.success) {
      const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
      return failure("invalid_input", "Please correct the highlighted fields.", fieldErrors);
    }
    try {
      return success(
        await execute(definition as ActionDefinition<z.ZodType, Output>, requestActor, parsed.data),
      );
    } catch (error) {
      return failureFromError(error);
    }
  };
}
