import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReconcileForm, ReplayAllFailedButton, ReplayEventButton } from "@/components/admin/webhook-controls";
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
        <label className="flex flex-col gap-1">
          Status
          <select
            name="status"
            defaultValue={filters.status}
            className="rounded-md border border-slate-300 px-2 py-1.5"
          >
            {["all", "pending", "failed", "processed"].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Action
          <input
            name="action"
            defaultValue={filters.action}
            placeholder="e.g. canceled"
            className="rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1">
          Appointment id
          <input
            name="appointment"
            defaultValue={filters.appointment}
            inputMode="numeric"
            className="rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        <button className="rounded-md bg-indigo-600 px-3 py-2 font-medium text-white">Filter</button>
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
                  <span className="text-slate-500">
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
                  <summary className="cursor-pointer text-slate-500">Payload</summary>
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
          {filters.page > 1 && <Link href={pageLink(filters.page - 1)}>← Newer</Link>}
          <span>
            Page {filters.page} of {pages}
          </span>
          {filters.page < pages && <Link href={pageLink(filters.page + 1)}>Older →</Link>}
        </nav>
      )}
    </section>
  );
}
