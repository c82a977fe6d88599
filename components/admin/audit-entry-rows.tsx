"use client";
import { useState, type ReactNode } from "react";

/**
 * One audit entry's row and, once opened, the row under it with its metadata and user agent.
 * The only part of the audit table that runs in the browser: the cells arrive rendered.
 */
export function AuditEntryRows({ cells, details }: { cells: ReactNode[]; details: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr data-testid="audit-row" className="align-top">
        <td className="px-3 py-2">
          <button
            type="button"
            onClick={() => setOpen((was) => !was)}
            aria-expanded={open}
            aria-label="Show details"
            className="inline-flex size-6 items-center justify-center rounded text-slate-600 hover:text-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-none"
          >
            {open ? "▾" : "▸"}
          </button>
        </td>
        {cells.map((cell, index) => (
          <td key={index} className="px-3 py-2">
            {cell}
          </td>
        ))}
      </tr>
      {open && (
        <tr className="bg-slate-50">
          <td colSpan={cells.length + 1} className="px-6 py-3">
            {details}
          </td>
        </tr>
      )}
    </>
  );
}
