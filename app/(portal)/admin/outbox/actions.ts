"use server";
import { defineAction } from "@/lib/actions/define-action";
import { resendEmailDefinition } from "@/lib/email/resend-definitions";

export const resendEmailAction = defineAction(resendEmailDefinition);
