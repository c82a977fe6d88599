/**
 * The admin users list's state in the URL (shareable, survives reload), the same shape as the
 * audit trail's: `q` for the search and a zero-based `page`. Parsing is lenient — a malformed
 * value falls back to the first page, never an error page.
 */
import { firstParam, type SearchParamRecord } from "@/lib/url/search-params";

export const USERS_PAGE_SIZE = 50;

export interface UserListState {
  search: string;
  pageIndex: number;
}

export function parseUserListParams(params: SearchParamRecord): UserListState {
  const page = Math.floor(Number(firstParam(params.page)));
  return {
    search: firstParam(params.q).slice(0, 255),
    pageIndex: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 0,
  };
}

/** The query string of a state; defaults are left out so URLs stay short. */
export function userListQuery(state: UserListState): string {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  if (state.pageIndex > 0) params.set("page", String(state.pageIndex));
  const query = params.toString();
  return query ? `?${query}` : "";
}
