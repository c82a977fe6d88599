"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { Fragment } from "react";
import {
  createColumnHelper,
  rowExpandingFeature,
  rowPaginationFeature,
  tableFeatures,
  useTable,
  type PaginationState,
  type Updater,
} from "@tanstack/react-table";
import type { AuditTableRow } from "./audit-table-rows";

const features = tableFeatures({ rowPaginationFeature, rowExpandingFeature });
const column = createColumnHelper<typeof features, AuditTableRow>();

const person = (email: string | null, name: string | null, id: string | null) =>
  id ? (
    <span title={id}>
      {name ?? "unknown user"}
      <span className="block text-xs text-slate-600">{email ?? id}</span>
    </span>
  ) : (
    "—"
  );

const columns = column.columns([
  column.display({
    id: "expand",
    header: () => <span className="sr-only">Details</span>,
    cell: ({ row }) => (
      <button
        type="button"
        onClick={row.getToggleExpandedHandler()}
        aria-expanded={row.getIsExpanded()}
        aria-label="Show details"
        className="inline-flex size-6 items-center justify-center rounded text-slate-600 hover:text-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-none"
      >
        {row.getIsExpanded() ? "▾" : "▸"}
      </button>
    ),
  }),
  column.accessor("when", {
    header: "When",
    cell: ({ row }) => <time dateTime={row.original.timestamp}>{row.original.when}</time>,
  }),
  column.accessor("action", {
    header: "Action",
    cell: (info) => <code className="text-xs">{info.getValue()}</code>,
  }),
  column.display({
    id: "actor",
    header: "Actor",
    cell: ({ row }) => person(row.original.actorEmail, row.original.actorName, row.original.userId),
  }),
  column.display({
    id: "impersonated",
    header: "Impersonating",
    cell: ({ row }) =>
      person(row.original.impersonatedEmail, row.original.impersonatedName, row.original.impersonatedUserId),
  }),
  column.display({
    id: "resource",
    header: "Resource",
    cell: ({ row }) => (
      <span>
        {row.original.resourceType}
        <span className="block font-mono text-xs text-slate-600">{row.original.resourceId}</span>
      </span>
    ),
  }),
  column.accessor("ipAddress", { header: "IP" }),
]);

/**
 * The audit trail table: server-side pagination (the page in the URL, `rowCount` from the
 * server) and rows that expand to their metadata and user agent. Read-only by design.
 */
export function AuditTable({
  rows,
  total,
  pageIndex,
  pageSize,
}: {
  rows: AuditTableRow[];
  total: number;
  pageIndex: number;
  pageSize: number;
}) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const pagination: PaginationState = { pageIndex, pageSize };
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    getRowCanExpand: () => true,
    manualPagination: true,
    rowCount: total,
    state: { pagination },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      const params = new URLSearchParams(searchParams.toString());
      params.set("page", String(next.pageIndex));
      router.push(`?${params}`);
    },
  });

  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        No audit entries match these filters.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} className="px-3 py-2">
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr data-testid="audit-row" className="align-top">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {row.getIsExpanded() && (
                  <tr className="bg-slate-50">
                    <td colSpan={row.getAllCells().length} className="px-6 py-3">
                      <pre
                        className="overflow-x-auto text-xs whitespace-pre-wrap"
                        data-testid="audit-metadata"
                      >
                        {JSON.stringify(row.original.metadata ?? {}, null, 2)}
                      </pre>
                      <p className="mt-1 text-xs text-slate-600">
                        User agent: {row.original.userAgent ?? "—"} · Entry {row.original.id}
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3 text-sm">
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40"
          onClick={() => table.previousPage()}
          disabled={!table.getCanPreviousPage()}
        >
          ← Newer
        </button>
        <span>
          Page {pageIndex + 1} of {Math.max(1, table.getPageCount())} · {total.toLocaleString("en-US")}{" "}
          entries
        </span>
        <button
          type="button"
          className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40"
          onClick={() => table.nextPage()}
          disabled={!table.getCanNextPage()}
        >
          Older →
        </button>
      </div>
    </div>
  );
}
