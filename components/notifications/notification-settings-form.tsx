"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { saveNotificationSettingsAction } from "@/app/(portal)/settings/notifications/actions";
import { Button } from "@/components/ui/button";
import type { EmailKind } from "@/lib/notifications/kinds";
import type { EmailKindSetting } from "@/lib/notifications/notification-settings";

type Status = { kind: "idle" } | { kind: "saved" } | { kind: "failed"; message: string };

/**
 * E-mail on/off per kind this user can receive, and the zone e-mails write times in. Kinds that
 * are always sent show checked and disabled, with the reason. One save for the whole form.
 */
export function NotificationSettingsForm({
  kinds,
  storedTimeZone,
  browserTimeZone,
  zones,
}: {
  kinds: EmailKindSetting[];
  storedTimeZone: string | null;
  browserTimeZone: string | null;
  zones: string[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [zoneError, setZoneError] = useState<string | null>(null);
  const [emailOn, setEmailOn] = useState<Set<EmailKind>>(
    () => new Set(kinds.filter((k) => k.emailEnabled).map((k) => k.kind)),
  );
  const [timeZone, setTimeZone] = useState(storedTimeZone ?? browserTimeZone ?? "");
  const zoneHintId = useId();
  const zoneErrorId = useId();
  const fromBrowser = storedTimeZone === null && browserTimeZone !== null;

  const toggle = (kind: EmailKind, on: boolean) => {
    setStatus({ kind: "idle" });
    setEmailOn((current) => {
      const next = new Set(current);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  };

  return (
    <form
      className="mt-6 space-y-8"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await saveNotificationSettingsAction({ emailOn: [...emailOn], timeZone });
          if (!result.ok) {
            setZoneError(result.fieldErrors.timeZone?.[0] ?? null);
            setStatus({ kind: "failed", message: result.error });
            return;
          }
          setZoneError(null);
          setStatus({ kind: "saved" });
          router.refresh();
        });
      }}
    >
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold">E-mails</legend>
        <ul className="divide-y divide-slate-100" data-testid="email-preferences">
          {kinds.map((setting) => {
            const id = `email-${setting.kind}`;
            return (
              <li key={setting.kind} className="flex items-start gap-3 py-3">
                <input
                  id={id}
                  type="checkbox"
                  name="emailOn"
                  value={setting.kind}
                  className="mt-0.5 size-4 shrink-0 rounded border-slate-400 accent-indigo-700 disabled:opacity-70"
                  checked={setting.alwaysSent || emailOn.has(setting.kind)}
                  disabled={setting.alwaysSent}
                  aria-describedby={setting.alwaysSent ? `${id}-why` : undefined}
                  onChange={(event) => toggle(setting.kind, event.target.checked)}
                />
                <label htmlFor={id} className="text-sm">
                  <span className="font-medium text-slate-900">{setting.label}</span>
                  {setting.alwaysSent && (
                    <span id={`${id}-why`} className="block text-xs text-slate-600">
                      Always sent: you need to know.
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <label htmlFor="time-zone" className="block text-base font-semibold">
          Time zone for e-mails
        </label>
        <p id={zoneHintId} className="mt-1 text-sm text-slate-600">
          E-mails give examination times in the specialist&apos;s zone and, when it differs, in this one.
          {fromBrowser && " Filled in from your browser — save to keep it."}
        </p>
        <select
          id="time-zone"
          name="timeZone"
          value={timeZone}
          onChange={(event) => {
            setStatus({ kind: "idle" });
            setTimeZone(event.target.value);
          }}
          aria-describedby={zoneError ? `${zoneHintId} ${zoneErrorId}` : zoneHintId}
          aria-invalid={zoneError ? true : undefined}
          className="mt-2 block w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="">Not set — the specialist&apos;s zone only</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        {zoneError && (
          <p id={zoneErrorId} className="mt-1 text-sm text-rose-700">
            {zoneError}
          </p>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <p role="status" className="text-sm">
          {status.kind === "saved" && <span className="text-emerald-800">Saved.</span>}
          {status.kind === "failed" && <span className="text-rose-700">{status.message}</span>}
        </p>
      </div>
    </form>
  );
}
