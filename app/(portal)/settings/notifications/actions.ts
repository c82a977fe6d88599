"use server";
import { defineAction } from "@/lib/actions/define-action";
import { saveNotificationSettingsDefinition } from "@/lib/notifications/notification-settings";

/** E-mail on/off per kind and the time zone e-mails are written in. */
export const saveNotificationSettingsAction = defineAction(saveNotificationSettingsDefinition);
