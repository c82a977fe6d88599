"use client";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A month of days; only days with free time can be chosen. */
export function MonthGrid({
  month,
  available,
  selected,
  loading,
  canGoBack,
  onMonth,
  onSelect,
}: {
  month: string;
  available: string[];
  selected: string | null;
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
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" aria-busy={loading}>
      <div className="mb-2 flex items-center justify-between">
        <button
          type="button"
          onClick={() => onMonth(-1)}
          disabled={!canGoBack}
          aria-label="Previous month"
          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 disabled:opacity-30"
        >
          ‹
        </button>
        <span className="text-sm font-semibold" data-testid="picker-month">
          {title}
        </span>
        <button
          type="button"
          onClick={() => onMonth(1)}
          aria-label="Next month"
          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100"
        >
          ›
        </button>
      </div>
      <div className="grid grid-cols-7 gap-1 text-center text-xs">
        {WEEKDAYS.map((d) => (
          <span key={d} className="py-1 font-medium text-slate-500">
            {d}
          </span>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          <span key={`pad-${i}`} />
        ))}
        {Array.from({ length: daysInMonth }, (_, i) => {
          const date = `${month}-${String(i + 1).padStart(2, "0")}`;
          const free = open.has(date);
          return (
            <button
              key={date}
              type="button"
              disabled={!free || loading}
              onClick={() => onSelect(date)}
              aria-label={`${date}${free ? ", free times" : ", no free times"}`}
              aria-pressed={selected === date}
              className={`rounded py-1.5 ${selected === date ? "bg-indigo-600 font-semibold text-white" : free ? "bg-indigo-50 font-medium text-indigo-800 hover:bg-indigo-100" : "text-slate-300"}`}
            >
              {i + 1}
            </button>
          );
        })}
      </div>
      {loading && <p className="mt-2 text-center text-xs text-slate-500">Checking the calendar…</p>}
    </div>
  );
}
