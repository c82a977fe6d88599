import Link from "next/link";
import { userListQuery, type UserListState } from "@/lib/users/user-list-params";

const linkClass = "rounded border border-slate-300 bg-white px-2 py-1 text-slate-800 hover:bg-slate-50";
const disabledClass = "rounded border border-slate-200 px-2 py-1 text-slate-600";

/**
 * Previous / next for the users list as plain links (the page stays a server component and
 * every page has a URL), keeping the search; wording as on the audit trail's pager.
 */
export function UserListPager({
  state,
  total,
  pageSize,
}: {
  state: UserListState;
  total: number;
  pageSize: number;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (pageIndex: number) => `/admin/users${userListQuery({ ...state, pageIndex })}`;
  const hasPrevious = state.pageIndex > 0;
  const hasNext = (state.pageIndex + 1) * pageSize < total;
  return (
    <nav
      className="mt-3 flex items-center gap-3 text-sm"
      aria-label="Pages of users"
      data-testid="user-list-pager"
    >
      {hasPrevious ? (
        <Link href={hrefFor(Math.min(state.pageIndex - 1, pageCount - 1))} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          ← Previous
        </span>
      )}
      <span>
        Page {state.pageIndex + 1} of {pageCount} · {total.toLocaleString("en-US")} users
      </span>
      {hasNext ? (
        <Link href={hrefFor(state.pageIndex + 1)} className={linkClass} rel="next">
          Next →
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
