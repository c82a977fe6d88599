/**
 * The bookings table's state as URL search params (shareable, survives reload): parsing is
 * lenient — an unknown or malformed value is dropped, never an error page.
 */
import { APPOINTMENT_TYPES, BOOKING_SOURCES, BOOKING_STATUSES, PROGRESS_STAGES } from "@/db/schema/enums";
import { firstParam, type SearchParamRecord } from "@/lib/url/search-params";
import {
  BOOKING_SORT_COLUMNS,
  BOOKING_VIEWS,
  DEFAULT_BOOKING_VIEW,
  defaultSortFor,
  type BookingListFilters,
  type BookingSort,
  type BookingView,
} from "./booking-list-query";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export interface BookingListState {
  /** The tab: upcoming (default), past, cancelled or all. */
  view: BookingView;
  page: number;
  pageSize: number;
  search: string;
  sort: BookingSort;
  filters: Omit<BookingListFilters, "timeZone">;
}

const listOf = <T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T[] =>
  firstParam(value)
    .split(",")
    .filter((v): v is T => (allowed as readonly string[]).includes(v));
const oneOf = <T extends string>(
  value: string | string[] | undefined,
  allowed: readonly T[],
): T | undefined =>
  (allowed as readonly string[]).includes(firstParam(value)) ? (firstParam(value) as T) : undefined;
const date = (value: string | string[] | undefined) =>
  /^\d{4}-\d{2}-\d{2}$/.test(firstParam(value)) ? firstParam(value) : undefined;
const idParam = (value: string | string[] | undefined) => firstParam(value).slice(0, 255) || undefined;

export function parseBookingListParams(params: SearchParamRecord): BookingListState {
  const view = oneOf(params.view, BOOKING_VIEWS) ?? DEFAULT_BOOKING_VIEW;
  const [column, direction] = firstParam(params.sort).split(".");
  const sort: BookingSort = (BOOKING_SORT_COLUMNS as readonly string[]).includes(column ?? "")
    ? { column: column as BookingSort["column"], direction: direction === "asc" ? "asc" : "desc" }
    : defaultSortFor(view);
  const size = Number(firstParam(params.size));
  const page = Math.floor(Number(firstParam(params.page)));
  return {
    view,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    search: firstParam(params.q).slice(0, 100),
    sort,
    filters: {
      status: listOf(params.status, BOOKING_STATUSES),
      progress: listOf(params.progress, PROGRESS_STAGES),
      specialistId: idParam(params.specialist),
      teamId: idParam(params.team),
      organizationId: idParam(params.organization),
      appointmentType: oneOf(params.type, APPOINTMENT_TYPES),
      source: oneOf(params.source, BOOKING_SOURCES),
      from: date(params.from),
      to: date(params.to),
    },
  };
}

/** The URL query for a state; defaults (the Upcoming view, a view's natural order) are left out so URLs stay short. */
export function bookingListQuery(state: BookingListState): string {
  const params = new URLSearchParams();
  const { filters } = state;
  if (state.view !== DEFAULT_BOOKING_VIEW) params.set("view", state.view);
  if (state.search) params.set("q", state.search);
  if (filters.status?.length) params.set("status", filters.status.join(","));
  if (filters.progress?.length) params.set("progress", filters.progress.join(","));
  if (filters.specialistId) params.set("specialist", filters.specialistId);
  if (filters.teamId) params.set("team", filters.teamId);
  if (filters.organizationId) params.set("organization", filters.organizationId);
  if (filters.appointmentType) params.set("type", filters.appointmentType);
  if (filters.source) params.set("source", filters.source);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  const naturalSort = defaultSortFor(state.view);
  if (state.sort.column !== naturalSort.column || state.sort.direction !== naturalSort.direction) {
    params.set("sort", `${state.sort.column}.${state.sort.direction}`);
  }
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set("size", String(state.pageSize));
  if (state.page > 1) params.set("page", String(state.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

export const hasActiveFilters = (state: BookingListState) =>
  Boolean(state.search) ||
  Object.values(state.filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
