"use server";
import { headers } from "next/headers";
import { defineAction } from "@/lib/actions/define-action";
import { getAuth } from "@/lib/auth/auth";
import { canUseAdminConsole } from "@/lib/authz/policy";
import { startImpersonationSchema, stopImpersonationSchema } from "@/lib/impersonation/schemas";
import { startImpersonation } from "@/lib/impersonation/start-impersonation";

export const impersonateUserAction = defineAction({
  input: startImpersonationSchema,
  authorize: canUseAdminConsole,
  run: (context, input) =>
    startImpersonation(context, input, async (userId) => {
      await getAuth().api.impersonateUser({ body: { userId }, headers: await headers() });
    }),
});

export const stopImpersonatingAction = defineAction({
  input: stopImpersonationSchema,
  authorize: (actor) => actor.impersonatorId !== null,
  run: async ({ actor, audit }) => {
    await audit({ action: "impersonation.stopped", resourceType: "user", resourceId: actor.userId });
    await getAuth().api.stopImpersonating({ headers: await headers() });
    return { userId: actor.userId };
  },
});
