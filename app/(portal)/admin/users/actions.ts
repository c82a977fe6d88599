"use server";
import { headers } from "next/headers";
import { defineAction } from "@/lib/actions/define-action";
import { adminRequest } from "@/lib/admin/request-headers";
import { getAuth } from "@/lib/auth/auth";
import { startImpersonationDefinition } from "@/lib/impersonation/impersonation-definitions";
import { stopImpersonationSchema } from "@/lib/impersonation/schemas";
import {
  banUserDefinition,
  revokeUserSessionsDefinition,
  setUserPasswordDefinition,
  unbanUserDefinition,
} from "@/lib/users/account-actions";
import { createUserDefinition } from "@/lib/users/create-user";
import { resetTwoFactorDefinition } from "@/lib/two-factor/two-factor-definitions";

export const impersonateUserAction = defineAction(
  startImpersonationDefinition(async (userId) => {
    await getAuth().api.impersonateUser({ body: { userId }, headers: await headers() });
  }),
);

export const stopImpersonatingAction = defineAction({
  input: stopImpersonationSchema,
  authorize: (actor) => actor.impersonatorId !== null,
  run: async ({ actor, audit }) => {
    await audit({ action: "impersonation.stopped", resourceType: "user", resourceId: actor.userId });
    await getAuth().api.stopImpersonating({ headers: await headers() });
    return { userId: actor.userId };
  },
});

export const createUserAction = defineAction(createUserDefinition);
export const banUserAction = defineAction(banUserDefinition(adminRequest));
export const unbanUserAction = defineAction(unbanUserDefinition(adminRequest));
export const setUserPasswordAction = defineAction(setUserPasswordDefinition(adminRequest));
export const revokeUserSessionsAction = defineAction(revokeUserSessionsDefinition(adminRequest));
/** Removes a user's second factor (reason recorded); they enrol again at their next sign-in. */
export const resetTwoFactorAction = defineAction(resetTwoFactorDefinition);
