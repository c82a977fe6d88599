"use server";
import { after } from "next/server";
import { getAcuityClient } from "@/lib/acuity";
import {
  reconcileAcuityDefinition,
  replayAllFailedWebhooksDefinition,
  replayWebhookEventDefinition,
} from "@/lib/acuity-sync/webhook-admin-definitions";
import { defineAction } from "@/lib/actions/define-action";

export const replayWebhookEventAction = defineAction(replayWebhookEventDefinition(after));
export const replayAllFailedWebhooksAction = defineAction(replayAllFailedWebhooksDefinition(after));
export const reconcileAcuityAction = defineAction(reconcileAcuityDefinition(getAcuityClient));
