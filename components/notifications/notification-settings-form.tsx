"use client";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { saveNotificationSettingsAction } from "@/app/(portal)/settings/notifications/actions";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useFocusOnFailure } from "@/components/ui/form-error-summary";
import { FieldSet, fieldControlClass, FormField } from "@/components/ui/form-field";
import type { EmailKind } from "@/lib/notifications/kinds";
import type { EmailKindSetting } from "@/lib/notifications/notification-settings";

type Status =
  | { kind: "idle" }
  | { kind: "saved" }
  | { kind: "failed"; message: string; fieldErrors: Record<string, string[]> };

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
  const [emailOn, setEmailOn] = useState<Set<EmailKind>>(
    () => new Set(kinds.filter((k) => k.emailEnabled).map((k) => k.kind)),
  );
  const [timeZone, setTimeZone] = useState(storedTimeZone ?? browserTimeZone ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  const failure = useMemo(
    () => (status.kind === "failed" ? { error: status.message, fieldErrors: status.fieldErrors } : null),
    [status],
  );
  useFocusOnFailure(formRef, failure);
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
      ref={formRef}
      className="mt-6 space-y-8"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await saveNotificationSettingsAction({ emailOn: [...emailOn], timeZone });
          if (!result.ok) {
            setStatus({ kind: "failed", message: result.error, fieldErrors: result.fieldErrors });
            return;
          }
          setStatus({ kind: "saved" });
          router.refresh();
        });
      }}
    >
      <FormErrorSummary
        error={failure?.error}
        fieldErrors={failure?.fieldErrors}
        labels={{ timeZone: "Time zone for e-mails", emailOn: "E-mails" }}
      />
      <FieldSet
        legend="E-mails"
        name="emailOn"
        errors={failure?.fieldErrors.emailOn}
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
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
      </FieldSet>

      <FormField
        label="Time zone for e-mails"
        name="timeZone"
        id="time-zone"
        errors={failure?.fieldErrors.timeZone}
        hint={
          <>
            E-mails give examination times in the specialist&apos;s zone and, when it differs, in this one.
            {fromBrowser && " Filled in from your browser — save to keep it."}
          </>
        }
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <select
          name="timeZone"
          value={timeZone}
          onChange={(event) => {
            setStatus({ kind: "idle" });
            setTimeZone(event.target.value);
          }}
          className={`${fieldControlClass} max-w-sm`}
        >
          <option value="">Not set — the specialist&apos;s zone only</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </FormField>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <p role="status" className="text-sm">
          {status.kind === "saved" && <span className="text-emerald-800">Saved.</span>}
        </p>
      </div>
    </form>
  );
}
