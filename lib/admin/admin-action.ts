import type { z } from "zod";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { canUseAdminConsole } from "@/lib/authz/policy";

/**
 * An admin-console action definition: the permission is always `canUseAdminConsole` (an admin
 * acting as themselves), so no definition can forget it. Pages wrap these with defineAction;
 * tests do the same with a test actor.
 */
export function adminAction<Schema extends z.ZodType, Output, Form extends boolean = false>(
  definition: Omit<ActionDefinition<Schema, Output, Form>, "authorize">,
): ActionDefinition<Schema, Output, Form> {
  return { ...definition, authorize: canUseAdminConsole };
}
