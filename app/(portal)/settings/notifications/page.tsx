import type { Metadata } from "next";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { loadNotificationSettings } from "@/lib/notifications/notification-settings";
import { timeZoneChoices } from "@/lib/time/time-zone-choices";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  const [settings, browserZone] = await Promise.all([
    loadNotificationSettings(getDb(), actor),
    viewerTimeZone(),
  ]);
  return (
    <section className="mx-auto max-w-2xl">
      <SettingsNav current="/settings/notifications" />
      <h1 className="text-2xl font-semibold">Notification settings</h1>
      <p className="mt-1 text-sm text-slate-600">
        Choose which e-mails you get. The bell and the notifications list in the portal keep every
        notification whatever you choose here.
      </p>
      <NotificationSettingsForm
        kinds={settings.kinds}
        storedTimeZone={settings.timeZone}
        browserTimeZone={browserZone}
        zones={timeZoneChoices(settings.timeZone, browserZone)}
      />
    </section>
  );
}
