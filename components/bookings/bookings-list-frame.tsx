"use client";
/**
 * The browser's part of the bookings table (the table itself is rendered on the server,
 * bookings-table.tsx): sorting and paging clicks become URL changes — one history step each —
 * and the rows dim while the next page of them is on its way.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useListUrl } from "./use-list-url";

type Navigate = (changes: Record<string, string | null>) => void;

const ListNavigation = createContext<Navigate | null>(null);

function useNavigate(): Navigate {
  const navigate = useContext(ListNavigation);
  if (!navigate) throw new Error("a bookings list control outside BookingsListFrame");
  return navigate;
}

export function BookingsListFrame({ id, rows, pager }: { id?: string; rows: ReactNode; pager: ReactNode }) {
  const list = useListUrl();
  // Clicks, not typing: each one a history step of its own.
  const navigate: Navigate = (changes) =>
    list.navigate(changes, { field: Object.keys(changes)[0] ?? "", typing: false });
  return (
    <ListNavigation.Provider value={navigate}>
      <div className="space-y-3" id={id}>
        <div
          className={`space-y-3 transition-opacity ${list.pending ? "opacity-60" : ""}`}
          aria-busy={list.pending}
        >
          {rows}
        </div>
        {pager}
      </div>
    </ListNavigation.Provider>
  );
}

/** A sortable column's header: a click asks for the order the table worked out for it. */
export function SortHeaderButton({ sort, children }: { sort: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      onClick={() => navigate({ sort, page: null })}
      className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
    >
      {children}
    </button>
  );
}

/** Previous / Next: `changes` are the URL changes that page is. */
export function PageButton({
  changes,
  disabled,
  children,
}: {
  changes: Record<string, string | null>;
  disabled: boolean;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="rounded border border-slate-300 bg-white px-2 py-1 disabled:opacity-40"
      onClick={() => navigate(changes)}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

/** Rows per page; `changesFor` holds, per size, the URL changes that keep the top row in view. */
export function PageSizeSelect({
  value,
  changesFor,
}: {
  value: number;
  changesFor: Record<number, Record<string, string | null>>;
}) {
  const navigate = useNavigate();
  return (
    <label className="flex items-center gap-1">
      Rows
      <select
        value={value}
        onChange={(event) => {
          const changes = changesFor[Number(event.target.value)];
          if (changes) navigate(changes);
        }}
        className="rounded border border-slate-300 bg-white px-1 py-1"
      >
        {Object.keys(changesFor).map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </label>
  );
}
