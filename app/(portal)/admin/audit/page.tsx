import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { AuditIntegrityPanel } from "@/components/admin/audit-integrity-panel";
import { AuditTable } from "@/components/admin/audit-table";
import { withWhen } from "@/components/admin/audit-table-rows";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { auditIntegrityStatus } from "@/lib/audit-seal/latest-verification";
import { auditFilterFromSearchParams, auditFilterToSearchParams } from "@/lib/audit-trail/filters";
import { listAuditLogs } from "@/lib/audit-trail/list-audit-logs";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { timestampLabel } from "@/lib/time/two-clocks";

export const metadata: Metadata = { title: "Audit trail" };

const PAGE_SIZE = 50;

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdminConsole();
  const params = await searchParams;
  const parsed = auditFilterFromSearchParams(params);
  const pageIndex = Math.max(0, Number(params.page) || 0);
  const filter = parsed.success ? parsed.data : {};
  const { rows, total } = parsed.success
    ? await listAuditLogs(getDb(), parsed.data, { pageIndex, pageSize: PAGE_SIZE })
    : { rows: [], total: 0 };
  const viewerZone = await viewerTimeZone();
  const integrity = await auditIntegrityStatus(getDb());
  const last = integrity.lastVerification;
  const exportHref = `/api/admin/audit/export?${auditFilterToSearchParams(filter)}`;
  return (
    <section className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Audit trail</h1>
          <p className="mt-1 text-sm text-slate-600">
            Every audited action, newest first. The log is append-only and sealed into a hash chain: a change
            made behind the portal's back is found by its verification.
          </p>
        </div>
        <a
          href={exportHref}
          className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium"
          data-testid="audit-export"
        >
          Export CSV ({total.toLocaleString("en-US")} rows)
        </a>
      </div>
      <AuditIntegrityPanel
        status={{
          lastVerification: last && {
            ...last,
            when: timestampLabel(new Date(last.finishedAt), viewerZone),
            byCommand: last.trigger === "command",
          },
          lastSealedWhen:
            integrity.lastSealedAt === null
              ? null
              : timestampLabel(new Date(integrity.lastSealedAt), viewerZone),
          awaitingSeal: integrity.awaitingSeal,
        }}
      />
      <AuditFilterForm filter={filter} viewerZone={viewerZone} />
      {!parsed.success && (
        <p role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-800">
          {parsed.error.issues.map((i) => i.message).join("; ")}
        </p>
      )}
      <AuditTable
        rows={withWhen(rows, viewerZone)}
        total={total}
        pageIndex={pageIndex}
        pageSize={PAGE_SIZE}
        hrefForPage={(page) => {
          const query = auditFilterToSearchParams(filter);
          if (page > 0) query.set("page", String(page));
          const search = query.toString();
          return search ? `/admin/audit?${search}` : "/admin/audit";
        }}
      />
    </section>
  );
}
