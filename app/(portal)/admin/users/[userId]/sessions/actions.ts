"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  adminEndAllSessionsDefinition,
  adminEndSessionDefinition,
} from "@/lib/sessions/admin-session-definitions";

/** Ends one session of a user (an impersonation of them included). */
export const adminEndSessionAction = defineAction(adminEndSessionDefinition);
/** Signs a user out everywhere. */
export const adminEndAllSessionsAction = defineAction(adminEndAllSessionsDefinition);
