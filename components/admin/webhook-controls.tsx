"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  reconcileAcuityAction,
  replayAllFailedWebhooksAction,
  replayWebhookEventAction,
} from "@/app/(portal)/admin/webhooks/actions";
import { Button } from "@/components/ui/button";
import { compactControlClass, FormField } from "@/components/ui/form-field";

function useActionMessage() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (work: () => Promise<{ ok: true; text: string } | { ok: false; text: string }>) =>
    startTransition(async () => {
      const result = await work();
      setMessage(result);
      if (result.ok) router.refresh();
    });
  return { pending, message, run };
}

export function ReplayEventButton({ eventId }: { eventId: string }) {
  const { pending, message, run } = useActionMessage();
  return (
    <span className="flex items-center gap-2">
      {message && (
        <span role="status" className={message.ok ? "text-emerald-700" : "text-rose-700"}>
          {message.text}
        </span>
      )}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await replayWebhookEventAction({ eventId });
            return result.ok ? { ok: true, text: "Queued again" } : { ok: false, text: result.error };
          })
        }
      >
        {pending ? "Replaying…" : "Replay"}
      </Button>
    </span>
  );
}

export function ReplayAllFailedButton() {
  const { pending, message, run } = useActionMessage();
  return (
    <span className="flex items-center gap-2">
      {message && (
        <span role="status" className={message.ok ? "text-emerald-700" : "text-rose-700"}>
          {message.text}
        </span>
      )}
      <Button
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await replayAllFailedWebhooksAction({});
            return result.ok
              ? { ok: true, text: `${result.data.replayed} failed event(s) queued again` }
              : { ok: false, text: result.error };
          })
        }
      >
        {pending ? "Replaying…" : "Replay all failed"}
      </Button>
    </span>
  );
}

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Repairs missed webhooks: reads every Acuity appointment of a date window and syncs it. */
export function ReconcileForm() {
  const { pending, message, run } = useActionMessage();
  const [from, setFrom] = useState(() => dayFromToday(0));
  const [to, setTo] = useState(() => dayFromToday(30));
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        run(async () => {
          const result = await reconcileAcuityAction({ from, to });
          if (!result.ok)
            return { ok: false, text: Object.values(result.fieldErrors).flat()[0] ?? result.error };
          const r = result.data;
          const unread = r.truncated.map((t) => `calendar ${t.calendarID} on ${t.date}`).join(", ");
          return {
            ok:
              r.failed.length === 0 &&
              r.truncated.length === 0 &&
              r.needsAttention.length === 0 &&
              r.abandoned.failed === 0,
            text:
              `Checked ${r.seen} appointments: ${r.outcomes.created ?? 0} created, ${r.outcomes.updated ?? 0} updated, ${r.outcomes.unchanged ?? 0} already right` +
              `${r.failed.length ? `, ${r.failed.length} failed (first: ${r.failed[0]!.error})` : ""}.` +
              `${r.abandoned.cancelled ? ` Cancelled ${r.abandoned.cancelled} appointment(s) the portal made but never saved.` : ""}` +
              `${r.abandoned.failed ? ` ${r.abandoned.failed} such appointment(s) could not be cancelled yet; the portal keeps trying.` : ""}` +
              `${r.needsAttention.length ? ` ${r.needsAttention.length} need a person — first: ${r.needsAttention[0]!.reason}` : ""}` +
              `${unread ? ` Not read completely (too many appointments in one day): ${unread}.` : ""}`,
          };
        });
      }}
    >
      <strong className="w-full">Reconcile with Acuity</strong>
      <FormField label="From" name="reconcile-from" size="compact">
        <input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          className={compactControlClass}
        />
      </FormField>
      <FormField label="To" name="reconcile-to" size="compact">
        <input
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          className={compactControlClass}
        />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Reconciling…" : "Reconcile"}
      </Button>
      {message && (
        <p role="status" className={`w-full ${message.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
