import Link from "next/link";
import { OutboxResendButton } from "@/components/admin/outbox-resend-button";
import { Timestamp } from "@/components/ui/timestamp";
import type { OutboxFilters, OutboxRow } from "@/lib/email/list-outbox";
import { EMAIL_KINDS, type EmailStatus } from "@/lib/notifications/kinds";

const STATUS_TONE: Record<EmailStatus, string> = {
  queued: "bg-sky-100 text-sky-800",
  sent: "bg-emerald-100 text-emerald-800",
  failed: "bg-rose-100 text-rose-800",
};

const FILTERS = [
  { status: "all", label: "All" },
  { status: "queued", label: "Queued" },
  { status: "sent", label: "Sent" },
  { status: "failed", label: "Failed" },
] as const;

/** The sends record: every outbox row, newest first, with its outcome; failed and sent ones can be sent again. */
export function OutboxSends({
  rows,
  counts,
  total,
  filters,
  pageSize,
  viewerZone,
}: {
  rows: OutboxRow[];
  counts: Record<OutboxFilters["status"], number>;
  total: number;
  filters: OutboxFilters;
  pageSize: number;
  viewerZone: string | null;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (status: OutboxFilters["status"], page = 1) =>
    `?${new URLSearchParams({ status, ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {FILTERS.map((filter) => {
          const current = filters.status === filter.status;
          return (
            <Link
              key={filter.status}
              href={link(filter.status)}
              aria-current={current ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${current ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
            >
              {filter.label} ({counts[filter.status].toLocaleString("en-US")})
            </Link>
          );
        })}
      </nav>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {filters.status === "all" ? "No e-mails yet." : `No ${filters.status} e-mails.`}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {rows.map((email) => (
            <li key={email.id} data-testid="outbox-email" className="flex flex-col gap-1.5 p-4 text-sm">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[email.status]}`}>
                  {email.status}
                </span>
                <span className="font-medium">{EMAIL_KINDS[email.kind].label}</span>
                <span className="break-all text-slate-700">to {email.toAddress}</span>
              </div>
              <p className={email.subject ? "text-slate-900" : "text-slate-600 italic"}>
                {email.subject ??
                  (email.status === "queued"
                    ? "Not rendered yet: the worker writes it when it sends."
                    : "Never rendered: it failed before.")}
              </p>
              <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
                {email.createdAt && (
                  <span>
                    Queued <Timestamp instant={email.createdAt} viewerZone={viewerZone} />
                  </span>
                )}
                {email.sentAt && (
                  <span>
                    Sent <Timestamp instant={email.sentAt} viewerZone={viewerZone} />
                  </span>
                )}
                <span>
                  {email.attempts} {email.attempts === 1 ? "attempt" : "attempts"}
                </span>
                {email.bookingId && (
                  <Link className="text-indigo-700 underline" href={`/bookings/${email.bookingId}`}>
                    Booking {email.bookingId}
                  </Link>
                )}
                {email.resentFromId && <span>Sent again from {email.resentFromId}</span>}
              </p>
              {email.error && (
                <p className="text-rose-700">
                  <span className="font-medium">Last error:</span> {email.error}
                </p>
              )}
              <div className="flex flex-wrap items-start justify-between gap-2">
                {email.kind === "password_reset" ? (
                  <p className="text-xs text-slate-600">
                    Not shown and never sent again: the link in it is a credential.
                  </p>
                ) : email.textBody ? (
                  <details className="min-w-0 flex-1">
                    <summary className="cursor-pointer text-indigo-700">Read</summary>
                    <pre
                      className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap"
                      data-testid="outbox-body"
                    >
                      {email.textBody}
                    </pre>
                  </details>
                ) : (
                  <span />
                )}
                {email.resendable && (
                  <OutboxResendButton
                    outboxId={email.id}
                    recipient={email.toAddress}
                    confirmText={
                      email.status === "sent"
                        ? `This e-mail was delivered to ${email.toAddress}. Send it to them again?`
                        : null
                    }
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {filters.page > 1 && (
            <Link
              className="text-indigo-700 underline hover:no-underline"
              href={link(filters.status, filters.page - 1)}
            >
              ← Newer
            </Link>
          )}
          <span>
            Page {filters.page} of {pages}
          </span>
          {filters.page < pages && (
            <Link
              className="text-indigo-700 underline hover:no-underline"
              href={link(filters.status, filters.page + 1)}
            >
              Older →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
