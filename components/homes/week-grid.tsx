"use client";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface WeekGridDay {
  /** YYYY-MM-DD. */
  day: string;
  /** "Monday, 30 November" — and "Today — …" for today. */
  label: string;
  isToday: boolean;
  count: number;
  /** The day holds more than `count` (counted to a cap). */
  countIsCapped?: boolean;
  /** The day's examinations, rendered on the server. */
  content: ReactNode;
}

const ITEM_SELECTOR = "[data-week-item]";

/**
 * The specialist's week as seven day regions, Monday first. Keyboard: one day is in the Tab
 * order (today, else Monday — a roving tabindex); ←/→ move to the previous/next day, Home/End to
 * Monday/Sunday, ↓ enters the day's examinations and ↑/↓ move between them, ← / → from an
 * examination go to the neighbouring day. Tab still reaches every link in reading order. On a
 * phone the days stack in the same order.
 */
export function WeekGrid({ days, label }: { days: WeekGridDay[]; label: string }) {
  const todayIndex = days.findIndex((day) => day.isToday);
  const [active, setActive] = useState(todayIndex >= 0 ? todayIndex : 0);
  const dayRefs = useRef<(HTMLElement | null)[]>([]);

  const focusDay = (index: number) => {
    const next = Math.max(0, Math.min(days.length - 1, index));
    setActive(next);
    dayRefs.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const dayElement = target.closest<HTMLElement>("[data-week-day-index]");
    if (!dayElement) return;
    const dayIndex = Number(dayElement.dataset.weekDayIndex);
    const onDay = target === dayElement;
    const items = [...dayElement.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
    const itemIndex = items.indexOf(target);
    let handled = true;
    switch (event.key) {
      case "ArrowRight":
        focusDay(dayIndex + 1);
        break;
      case "ArrowLeft":
        focusDay(dayIndex - 1);
        break;
      case "Home":
        focusDay(0);
        break;
      case "End":
        focusDay(days.length - 1);
        break;
      case "ArrowDown":
        if (onDay) items[0]?.focus();
        else items[Math.min(items.length - 1, itemIndex + 1)]?.focus();
        break;
      case "ArrowUp":
        if (onDay || itemIndex <= 0) focusDay(dayIndex);
        else items[itemIndex - 1]?.focus();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <div
      role="group"
      aria-label={label}
      aria-describedby="week-keys"
      onKeyDown={onKeyDown}
      className="grid grid-cols-1 gap-2 md:grid-cols-7"
      data-testid="week-grid"
    >
      <p id="week-keys" className="sr-only">
        Use the left and right arrow keys to move between days, and the down arrow to go through a day&apos;s
        examinations.
      </p>
      {days.map((day, index) => (
        <section
          key={day.day}
          ref={(element) => {
            dayRefs.current[index] = element;
          }}
          tabIndex={index === active ? 0 : -1}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setActive(index);
          }}
          aria-labelledby={`week-day-${day.day}`}
          data-week-day-index={index}
          data-testid="agenda-day"
          data-day={day.day}
          data-today={day.isToday}
          className={`min-w-0 rounded-lg border bg-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
            day.isToday ? "border-indigo-400" : "border-slate-200"
          }`}
        >
          <h3
            id={`week-day-${day.day}`}
            className={`border-b px-2 py-1.5 text-sm font-semibold ${
              day.isToday
                ? "border-indigo-200 bg-indigo-50 text-indigo-900"
                : "border-slate-100 text-slate-900"
            }`}
          >
            {day.label}
            <span className="block text-xs font-normal text-slate-600">
              {day.count === 0
                ? "No examinations"
                : day.countIsCapped
                  ? `${day.count}+ examinations`
                  : `${day.count} examination${day.count === 1 ? "" : "s"}`}
            </span>
          </h3>
          {day.content}
        </section>
      ))}
    </div>
  );
}
