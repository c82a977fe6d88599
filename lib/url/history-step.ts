/**
 * How a change of a list's URL (filters, sort, search, page) enters the browser history, so
 * Back undoes one deliberate change at a time.
 *
 * A deliberate change — a choice in a select, a click, a date picked — is its own step (push).
 * Typing is one step per field per burst: the first keystroke's change pushes, the following
 * ones replace that entry, so Back leaves the search as a whole instead of letter by letter. A
 * burst ends when the field loses focus, another change is made, or the user goes Back/Forward.
 *
 * Only an entry that exists can be replaced: Next drops a push that a later navigation overtakes
 * before it commits, and that later replace would then overwrite the entry before the burst.
 * So until the burst's first URL has been seen in the address bar, typing pushes again.
 */
export type HistoryMode = "push" | "replace";

export interface UrlChange {
  /** The control that changed ("q", "from", "sort" …). */
  field: string;
  /** True when the change came from typing in that field. */
  typing: boolean;
}

export interface TypingBurst {
  /** The field being typed in, or null between bursts. */
  field: string | null;
  /** The URL the burst last pushed; committed once the address bar has shown it. */
  url: string | null;
  committed: boolean;
}

export const NO_BURST: TypingBurst = { field: null, url: null, committed: false };

/** `currentUrl`: the address bar now (path + query); `nextUrl`: where the change goes. */
export function historyStep(
  burst: TypingBurst,
  change: UrlChange,
  currentUrl: string,
  nextUrl: string,
): { mode: HistoryMode; burst: TypingBurst } {
  if (!change.typing) return { mode: "push", burst: NO_BURST };
  const committed = burst.committed || (burst.url !== null && burst.url === currentUrl);
  if (burst.field === change.field && committed)
    return { mode: "replace", burst: { field: change.field, url: nextUrl, committed: true } };
  return { mode: "push", burst: { field: change.field, url: nextUrl, committed: false } };
}

/** The URL after `changes` (an empty or null value removes the key). */
export function changedUrl(
  pathname: string,
  current: string,
  changes: Record<string, string | null>,
): string {
  const params = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return `${pathname}${params.size ? `?${params}` : ""}`;
}
