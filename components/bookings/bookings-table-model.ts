/**
 * The bookings table's model, worked out on the server with @tanstack/table-core in manual mode:
 * which columns show, each header's sort state and the order a click on it asks for, and the URL
 * change each pager control makes. The server has already filtered, sorted and paged the rows;
 * the browser gets this model and the rows as data (bookings-table-view.tsx renders them), so the
 * table library stays out of the browser's first load (issue 14) and the page carries each row
 * once, as data, not as a rendered tree. The model depends on the sort, the page, the count and
 * the columns, never on the rows' contents, so it is worked out once per such state and kept
 * (building the table costs ≈ 0.7 ms — a tenth of a list page's own rendering).
 */
import {
  constructTable,
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import type { BookingTableRow } from "./booking-table-row";

// Plain TanStack Store reactivity: the table lives for one server render.
const features = tableFeatures({
  coreReactivityFeature: storeReactivityBindings(),
  rowSortingFeature,
  rowPaginationFeature,
});
const column = createColumnHelper<typeof features, BookingTableRow>();

/** The columns in their order; the sortable ones have ids the list's `sort` parameter knows. */
const columns = column.columns([
  column.accessor("examineeName", { id: "examineeName", header: "Examinee" }),
  column.accessor("when", { id: "appointmentDate", header: "Appointment" }),
  column.accessor("specialistName", { id: "specialist", header: "Specialist" }),
  column.accessor("organizationName", {
    id: "organization",
    header: "Organization / team",
    enableSorting: false,
  }),
  column.accessor("appointmentType", { id: "type", header: "Type", enableSorting: false }),
  column.accessor("stage", { id: "progress", header: "Progress" }),
  column.accessor("documents", { id: "documents", header: "Documents", enableSorting: false }),
  column.accessor("created", { id: "createdAt", header: "Created" }),
]);
const statusColumn = column.accessor("statusLabel", { id: "status", header: "Status", enableSorting: false });
const selectColumn = column.display({ id: "select", header: "Select" });
const toolsColumn = column.display({ id: "tools", header: "Tools" });

export type BookingColumnId =
  | "select"
  | "examineeName"
  | "appointmentDate"
  | "specialist"
  | "organization"
  | "type"
  | "status"
  | "progress"
  | "documents"
  | "createdAt"
  | "tools";

export type UrlChanges = Record<string, string | null>;

export interface BookingHeader {
  id: BookingColumnId;
  label: string;
  sorted: false | "asc" | "desc";
  /** The `sort` value a click asks for; null for a column that does not sort. */
  nextSort: string | null;
}

export interface BookingsPager {
  previous: UrlChanges;
  next: UrlChanges;
  /** Per page size, the URL change that keeps the top row in view. */
  sizes: Record<number, UrlChanges>;
}

export const PAGE_SIZES = [10, 25, 50, 100];

const resolve = <T>(updater: Updater<T>, current: T): T =>
  typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;

/** A page of the list as the URL says it (the first page has no `page`). */
const pageChanges = ({ pageIndex, pageSize }: PaginationState): UrlChanges => ({
  page: pageIndex > 0 ? String(pageIndex + 1) : null,
  size: String(pageSize),
});

export interface BookingsTableInput {
  sorting: SortingState;
  pagination: PaginationState;
  rowCount: number;
  selectable?: boolean;
  showStatus?: boolean;
  withTools?: boolean;
}

export interface BookingsTableModel {
  headers: BookingHeader[];
  pager: BookingsPager;
}

/** Models by their input; a few hundred states cover every sort × page size × early page in use. */
const MODELS_KEPT = 500;
const models = new Map<string, BookingsTableModel>();

/** The model for a table state: worked out once, then the same (frozen) answer. */
export function bookingsTableModel(input: BookingsTableInput): BookingsTableModel {
  const key = JSON.stringify([
    input.sorting,
    input.pagination,
    input.rowCount,
    Boolean(input.selectable),
    Boolean(input.showStatus),
    Boolean(input.withTools),
  ]);
  const kept = models.get(key);
  if (kept) return kept;
  const model = deepFreeze(workOutModel(input));
  // Oldest first out: a Map iterates in insertion order.
  if (models.size >= MODELS_KEPT) models.delete(models.keys().next().value!);
  models.set(key, model);
  return model;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The table for one state. The table reports a click's outcome through its callback, so each
 * pager control's URL change is found by asking the table for the click, not by making it.
 */
function workOutModel({
  sorting,
  pagination,
  rowCount,
  selectable = false,
  showStatus = false,
  withTools = false,
}: BookingsTableInput): BookingsTableModel {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types
  const shown: ColumnDef<typeof features, BookingTableRow, any>[] = [...columns];
  if (showStatus) shown.splice(shown.length - 2, 0, statusColumn);
  if (selectable) shown.unshift(selectColumn);
  if (withTools) shown.push(toolsColumn);

  const asked: PaginationState[] = [];
  const table = constructTable({
    features,
    columns: shown,
    // Headers and pager need no rows: the server has already sorted and paged them.
    data: [],
    state: { sorting, pagination },
    manualSorting: true,
    // A column's first click sorts A→Z / oldest first; said here, not guessed from a row's value.
    sortDescFirst: false,
    manualPagination: true,
    rowCount,
    enableMultiSort: false,
    enableSortingRemoval: false,
    onPaginationChange: (updater: Updater<PaginationState>) => {
      asked.push(resolve(updater, pagination));
    },
  });
  const changesOf = (click: () => void): UrlChanges => {
    asked.length = 0;
    click();
    const outcome = asked.at(-1);
    return outcome ? pageChanges(outcome) : {};
  };

  const headers = table.getHeaderGroups()[0]!.headers.map((header): BookingHeader => {
    const next = header.column.getCanSort() && header.column.getNextSortingOrder();
    return {
      id: header.column.id as BookingColumnId,
      label: String(header.column.columnDef.header),
      sorted: header.column.getIsSorted(),
      nextSort: next ? `${header.column.id}.${next}` : null,
    };
  });
  return {
    headers,
    pager: {
      previous: changesOf(() => table.previousPage()),
      // `rowCount` may be capped: "next" is the next page whatever the table counts (its button is
      // enabled by the query's own look-ahead, hasNextPage).
      next: { page: String(pagination.pageIndex + 2) },
      sizes: Object.fromEntries(PAGE_SIZES.map((size) => [size, changesOf(() => table.setPageSize(size))])),
    },
  };
}
