import type { ActionContext } from "@/lib/actions/define-action";

/**
 * What a documents operation needs from the action wrapper: the transaction, the actor for
 * the policy, the audit writer bound to the transaction and the attribution ids.
 */
export type DocumentActionContext = Pick<ActionContext, "tx" | "actor" | "audit" | "auditContext">;
