"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { dateForKey, monthDelta, monthOf } from "./calendar-keys";

const WEEKDAYS = [
  ["Mon", "Monday"],
  ["Tue", "Tuesday"],
  ["Wed", "Wednesday"],
  ["Thu", "Thursday"],
  ["Fri", "Friday"],
  ["Sat", "Saturday"],
  ["Sun", "Sunday"],
] as const;

// Made once: each of a month's ≈ 35 day buttons is labelled, and a formatter is costly to make.
const LONG_DATE = new Intl.DateTimeFormat("en-US", {
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const longDate = (date: string) => LONG_DATE.format(new Date(`${date}T12:00:00Z`));

/**
 * A month of days as an ARIA grid (the date-picker pattern): one Tab stop — the chosen day, else
 * the first free one — and the keys of `dateForKey` move between days, into the next or previous
 * month too; Enter or Space chooses.
 *
 * Days without free time stay focusable and are marked `aria-disabled` rather than skipped: the
 * arrows then move exactly a day or a week like on a paper calendar (Down is always the same
 * weekday), and a screen reader hears "no free times" for the day instead of jumping over a gap
 * it cannot see. Choosing one does nothing.
 */
export function MonthGrid({
  month,
  available,
  selected,
  today,
  loading,
  canGoBack,
  onMonth,
  onSelect,
}: {
  month: string;
  available: string[];
  selected: string | null;
  /** Today in the calendar's zone ("YYYY-MM-DD"): marked in the grid. */
  today: string;
  loading: boolean;
  canGoBack: boolean;
  onMonth: (delta: number) => void;
  onSelect: (date: string) => void;
}) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const leading = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const title = new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const open = new Set(available);
  const inMonth = (date: string | null): date is string => date !== null && monthOf(date) === month;

  // The day the keyboard last went to; the Tab stop falls back to the chosen or first free day.
  const [focusDate, setFocusDate] = useState<string | null>(null);
  const tabStop = inMonth(focusDate)
    ? focusDate
    : inMonth(selected)
      ? selected
      : (available.find(inMonth) ?? (inMonth(today) ? today : `${month}-01`));
  const grid = useRef<HTMLTableElement>(null);
  const titleId = useId();
  const wantFocus = useRef(false);

  // After a key moved to another day (maybe in a month that has just been drawn), focus it.
  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`[data-date="${tabStop}"]`)?.focus();
  }, [tabStop, month]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const from = (event.target as HTMLElement).dataset.date;
    if (!from || event.altKey || event.ctrlKey || event.metaKey) return;
    const to = dateForKey(from, event.key);
    if (!to) return;
    event.preventDefault();
    const delta = monthDelta(month, monthOf(to));
    if (delta < 0 && !canGoBack) return; // nothing before the first month on offer
    if (delta !== 0) onMonth(delta);
    setFocusDate(to);
    wantFocus.current = true;
  }

  const weeks: (string | null)[][] = [];
  const cells: (string | null)[] = [
    ...Array.from({ length: leading }, () => null),
    ...Array.from({ length: daysInMonth }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" aria-busy={loading}>
      <div className="mb-2 flex items-center justify-between">
        <button
          type="button"
          onClick={() => onMonth(-1)}
          disabled={!canGoBack}
          aria-label="Previous month"
          className="inline-flex size-9 items-center justify-center rounded-md text-lg text-slate-700 hover:bg-slate-100 disabled:opacity-30"
        >
          ‹
        </button>
        <span className="text-sm font-semibold" data-testid="picker-month" id={titleId}>
          {title}
        </span>
        <button
          type="button"
          onClick={() => onMonth(1)}
          aria-label="Next month"
          className="inline-flex size-9 items-center justify-center rounded-md text-lg text-slate-700 hover:bg-slate-100"
        >
          ›
        </button>
      </div>
      <table
        ref={grid}
        role="grid"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        className="w-full table-fixed border-separate border-spacing-1 text-center text-sm"
        data-testid="month-grid"
      >
        <thead>
          <tr>
            {WEEKDAYS.map(([short, full]) => (
              <th key={short} scope="col" className="py-1 text-xs font-semibold text-slate-700">
                <span aria-hidden="true">{short}</span>
                <span className="sr-only">{full}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean) ?? "empty"}>
              {week.map((date, i) => {
                if (!date) return <td key={`pad-${i}`} role="gridcell" />;
                const free = open.has(date);
                const isSelected = selected === date;
                const isToday = date === today;
                const label = `${longDate(date)}${isToday ? ", today" : ""}${free ? ", free times" : ", no free times"}`;
                return (
                  <td key={date} role="gridcell" aria-selected={isSelected}>
                    <button
                      type="button"
                      data-date={date}
                      tabIndex={date === tabStop ? 0 : -1}
                      aria-label={label}
                      aria-disabled={!free || loading || undefined}
                      aria-current={isToday ? "date" : undefined}
                      onClick={() => {
                        setFocusDate(date);
                        if (free && !loading) onSelect(date);
                      }}
                      className={`relative flex h-9 w-full min-w-6 flex-col items-center justify-center rounded-md ${
                        isSelected
                          ? "bg-indigo-700 font-semibold text-white"
                          : free
                            ? "bg-indigo-50 font-semibold text-indigo-900 hover:bg-indigo-100"
                            : "cursor-default text-slate-600"
                      } ${isToday && !isSelected ? "ring-1 ring-slate-700 ring-inset" : ""}`}
                    >
                      <span className="leading-none">{Number(date.slice(8))}</span>
                      {/* Today: a dot under the number — a shape, not only a colour. */}
                      {isToday && (
                        <span aria-hidden="true" className="mt-0.5 size-1 rounded-full bg-current" />
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 min-h-4 text-center text-xs text-slate-600">
        {loading ? "Checking the calendar…" : ""}
      </p>
    </div>
  );
}
