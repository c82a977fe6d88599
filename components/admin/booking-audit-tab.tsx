import Link from "next/link";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { canUseAdminConsole } from "@/lib/authz/policy";
import { listAuditLogs } from "@/lib/audit-trail/list-audit-logs";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { AuditTable } from "./audit-table";
import { withWhen } from "./audit-table-rows";

/**
 * The audit tab of a booking page: the booking's own entries and its documents' (they carry
 * the booking id). Renders nothing for anyone but an admin acting as themselves, so the
 * booking page may include it unconditionally.
 */
export async function BookingAuditTab({
  actor,
  bookingId,
  pageSize = 100,
}: {
  actor: Actor;
  bookingId: string;
  pageSize?: number;
}) {
  if (!canUseAdminConsole(actor)) return null;
  const { rows, total } = await listAuditLogs(getDb(), { bookingId }, { pageIndex: 0, pageSize });
  return (
    <section
      aria-labelledby="booking-audit-heading"
      className="flex flex-col gap-3"
      data-testid="booking-audit-tab"
    >
      <div className="flex items-end gap-3">
        <h2 id="booking-audit-heading" className="text-lg font-semibold">
          Audit trail
        </h2>
        <Link
          href={`/admin/audit?bookingId=${encodeURIComponent(bookingId)}`}
          className="text-sm text-indigo-700"
        >
          Open in the audit trail
        </Link>
        <a
          href={`/api/admin/audit/export?bookingId=${encodeURIComponent(bookingId)}`}
          className="text-sm text-indigo-700"
        >
          Export CSV
        </a>
      </div>
      {total > rows.length && (
        <p className="text-sm text-slate-600">
          Showing the latest {rows.length} of {total} entries.
        </p>
      )}
      <AuditTable
        rows={withWhen(rows, await viewerTimeZone())}
        total={rows.length}
        pageIndex={0}
        pageSize={pageSize}
      />
    </section>
  );
}
