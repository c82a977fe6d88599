"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  markAllNotificationsReadDefinition,
  markNotificationReadDefinition,
} from "@/lib/notifications/notification-read-definitions";

/** One notification read — opened from the bell or the list, or marked by hand. */
export const markNotificationReadAction = defineAction(markNotificationReadDefinition);

/** Every notification the reader can see, read. */
export const markAllNotificationsReadAction = defineAction(markAllNotificationsReadDefinition);
