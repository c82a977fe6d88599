import Link from "next/link";
import type { ReactNode } from "react";
import { AuditEntryRows } from "./audit-entry-rows";
import type { AuditTableRow } from "./audit-table-rows";

/*
 * The audit trail table, rendered on the server: it is read-only and paged by the server, so the
 * browser needs nothing of a table library — only each entry's "show details" toggle
 * (AuditEntryRows). Paging is links (the page is in the URL), which work before hydration too.
 */

const person = (email: string | null, name: string | null, id: string | null) =>
  id ? (
    <span title={id}>
      {name ?? "unknown user"}
      <span className="block text-xs text-slate-600">{email ?? id}</span>
    </span>
  ) : (
    "—"
  );

const COLUMNS: { header: string; cell: (row: AuditTableRow) => ReactNode }[] = [
  { header: "When", cell: (row) => <time dateTime={row.timestamp}>{row.when}</time> },
  { header: "Action", cell: (row) => <code className="text-xs">{row.action}</code> },
  { header: "Actor", cell: (row) => person(row.actorEmail, row.actorName, row.userId) },
  {
    header: "Impersonating",
    cell: (row) => person(row.impersonatedEmail, row.impersonatedName, row.impersonatedUserId),
  },
  {
    header: "Resource",
    cell: (row) => (
      <span>
        {row.resourceType}
        <span className="block font-mono text-xs text-slate-600">{row.resourceId}</span>
      </span>
    ),
  },
  { header: "IP", cell: (row) => row.ipAddress },
];

const pagerLink = "rounded border border-slate-300 px-2 py-1";
const pagerOff = `${pagerLink} opacity-40`;

export function AuditTable({
  rows,
  total,
  pageIndex,
  pageSize,
  hrefForPage,
}: {
  rows: AuditTableRow[];
  total: number;
  pageIndex: number;
  pageSize: number;
  /** The URL of another page of the same filter; without it the table shows no pager. */
  hrefForPage?: (pageIndex: number) => string;
}) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        No audit entries match these filters.
      </p>
    );
  }
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex flex-col gap-3">
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th className="px-3 py-2">
                <span className="sr-only">Details</span>
              </th>
              {COLUMNS.map((column) => (
                <th key={column.header} className="px-3 py-2">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <AuditEntryRows
                key={row.id}
                cells={COLUMNS.map((column) => column.cell(row))}
                details={
                  <>
                    <pre className="overflow-x-auto text-xs whitespace-pre-wrap" data-testid="audit-metadata">
                      {JSON.stringify(row.metadata ?? {}, null, 2)}
                    </pre>
                    <p className="mt-1 text-xs text-slate-600">
                      User agent: {row.userAgent ?? "—"} · Entry {row.id}
                    </p>
                  </>
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      {hrefForPage && (
        <nav aria-label="Audit trail pages" className="flex items-center gap-3 text-sm">
          {pageIndex > 0 ? (
            <Link href={hrefForPage(pageIndex - 1)} className={pagerLink}>
              ← Newer
            </Link>
          ) : (
            <span aria-disabled="true" className={pagerOff}>
              ← Newer
            </span>
          )}
          <span>
            Page {pageIndex + 1} of {pageCount} · {total.toLocaleString("en-US")} entries
          </span>
          {pageIndex + 1 < pageCount ? (
            <Link href={hrefForPage(pageIndex + 1)} className={pagerLink}>
              Older →
            </Link>
          ) : (
            <span aria-disabled="true" className={pagerOff}>
              Older →
            </span>
          )}
        </nav>
      )}
    </div>
  );
}
