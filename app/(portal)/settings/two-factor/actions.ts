"use server";
import { defineAction } from "@/lib/actions/define-action";
import { ownRequest } from "@/lib/two-factor/own-request";
import {
  disableOwnTwoFactorDefinition,
  setOrganizationTwoFactorDefinition,
} from "@/lib/two-factor/two-factor-definitions";

/** Turns the user's own second factor off, proven with a backup code. */
export const disableOwnTwoFactorAction = defineAction(disableOwnTwoFactorDefinition(ownRequest));
/** An owner requires (or stops requiring) two-factor of their organization's members. */
export const setOrganizationTwoFactorAction = defineAction(setOrganizationTwoFactorDefinition);
