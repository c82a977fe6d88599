"use server";
import { defineAction } from "@/lib/actions/define-action";
import { requestSession } from "@/lib/sessions/request-session";
import {
  changePasswordDefinition,
  endOtherOwnSessionsDefinition,
  endOwnSessionDefinition,
} from "@/lib/sessions/session-definitions";

/** Signs out one of the user's other sessions. */
export const endSessionAction = defineAction(endOwnSessionDefinition(requestSession));
/** Signs out every session of the user but this one. */
export const endOtherSessionsAction = defineAction(endOtherOwnSessionsDefinition(requestSession));
/** Current + new password; every other session ends. */
export const changePasswordAction = defineAction(changePasswordDefinition(requestSession));
