import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReconcileForm, ReplayAllFailedButton, ReplayEventButton } from "@/components/admin/webhook-controls";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { Timestamp } from "@/components/ui/timestamp";
import { getDb } from "@/db/client";
import {
  listWebhookEvents,
  WEBHOOK_PAGE_SIZE,
  webhookEventFiltersSchema,
} from "@/lib/acuity-sync/list-webhook-events";
import { requireActor } from "@/lib/auth/current-session";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { canUseAdminConsole } from "@/lib/authz/policy";

export const metadata: Metadata = { title: "Acuity webhooks" };

function statusOf(event: { processedAt: Date | null; error: string | null; nextAttemptAt: Date | null }) {
  if (event.processedAt)
    return event.error
      ? { label: "Ignored", tone: "bg-slate-100 text-slate-700" }
      : { label: "Processed", tone: "bg-emerald-100 text-emerald-800" };
  if (!event.error) return { label: "Pending", tone: "bg-sky-100 text-sky-800" };
  // No further attempt is scheduled: retrying cannot fix it (the sentence says what to do), or
  // the retries ran out. Either way it waits for a person.
  if (!event.nextAttemptAt) return { label: "Needs a person", tone: "bg-rose-100 text-rose-800" };
  return { label: "Failed — will retry", tone: "bg-amber-100 text-amber-800" };
}

export default async function WebhookEventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor();
  if (!canUseAdminConsole(actor)) notFound();
  const filters = webhookEventFiltersSchema.parse(await searchParams);
  const { rows, total } = await listWebhookEvents(getDb(), filters);
  const viewerZone = await viewerTimeZone();
  const pages = Math.max(1, Math.ceil(total / WEBHOOK_PAGE_SIZE));
  const pageLink = (page: number) =>
    `?${new URLSearchParams({ ...filters, page: String(page) } as Record<string, string>)}`;

  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Acuity webhooks</h1>
          <p className="mt-1 text-sm text-slate-600">
            Every delivery from Acuity. Failed ones keep their error and are retried with backoff; replay them
            once the cause is fixed.
          </p>
        </div>
        <ReplayAllFailedButton />
      </header>

      <form
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
        method="get"
      >
        <FormField label="Status" name="status" id="webhook-status" size="compact">
          <select name="status" defaultValue={filters.status} className={compactControlClass}>
            {["all", "pending", "failed", "processed"].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Action" name="action" id="webhook-action" size="compact">
          <input
            name="action"
            defaultValue={filters.action}
            placeholder="e.g. canceled"
            className={compactControlClass}
          />
        </FormField>
        <FormField label="Appointment id" name="appointment" id="webhook-appointment" size="compact">
          <input
            name="appointment"
            defaultValue={filters.appointment}
            inputMode="numeric"
            className={compactControlClass}
          />
        </FormField>
        <button className="rounded-md bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:ring-offset-2 focus-visible:outline-none">
          Filter
        </button>
      </form>

      <ReconcileForm />

      <p className="text-sm text-slate-600" data-testid="webhook-count">
        {total} {total === 1 ? "event" : "events"}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          No webhook events match these filters.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {rows.map((event) => {
            const status = statusOf(event);
            return (
              <li key={event.id} className="p-4" data-testid="webhook-event">
                <div className="flex flex-wrap items-center gap-3">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.tone}`}>
                    {status.label}
                  </span>
                  <span className="font-mono">{event.eventType}</span>
                  <span>
                    appointment{" "}
                    <Link className="text-indigo-700 underline" href={`?appointment=${event.resourceId}`}>
                      {event.resourceId}
                    </Link>
                  </span>
                  <span className="text-slate-600">
                    {event.createdAt && (
                      <>
                        <Timestamp instant={event.createdAt} viewerZone={viewerZone} /> ·{" "}
                      </>
                    )}
                    {event.attempts} attempt(s)
                  </span>
                  {!event.processedAt || event.error ? (
                    <span className="ml-auto">
                      <ReplayEventButton eventId={event.id} />
                    </span>
                  ) : null}
                </div>
                {event.error && <p className="mt-2 text-rose-700">{event.error}</p>}
                <details className="mt-2">
                  <summary className="cursor-pointer text-slate-600">Payload</summary>
                  <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
                    {JSON.stringify(event.payload, null, 2)}
                  </pre>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {filters.page > 1 && (
            <Link href={pageLink(filters.page - 1)} className="text-indigo-700 underline hover:no-underline">
              ← Newer
            </Link>
          )}
          <span>
            Page {filters.page} of {pages}
          </span>
          {filters.page < pages && (
            <Link href={pageLink(filters.page + 1)} className="text-indigo-700 underline hover:no-underline">
              Older →
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
