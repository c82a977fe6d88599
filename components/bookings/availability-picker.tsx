"use client";
import { useEffect, useState, useTransition } from "react";
import { loadAvailableDates, loadAvailableTimes } from "@/app/(portal)/bookings/new/availability-actions";
import type { AvailableSlot } from "@/lib/availability/available-times";
import { addMonths, todayIn } from "@/lib/availability/months";
import { zoneAbbreviation, zonePlace } from "@/lib/time/zone-name";
import { zonedTimeToInstant } from "@/lib/time/zoned";
import { MonthGrid } from "./month-grid";
import { SlotLabel } from "./slot-label";

interface Props {
  specialistId: string;
  appointmentType: "in_person" | "telehealth";
  /** The specialist's calendar zone: dates and times are theirs. */
  timeZone: string;
  initialMonth: string;
  selected: string | null;
  onSelect: (slot: AvailableSlot | null) => void;
  /** Bump to reload (e.g. after "that time was just taken"). */
  reloadKey?: number;
}

/** Which clock the times are on, named for the day on show (EST and EDT differ). */
function zoneNote(zone: string, date: string | null) {
  const noon = date ? zonedTimeToInstant(date, "12:00", zone) : new Date();
  return `Times are the specialist's: ${zonePlace(zone)} (${zoneAbbreviation(noon, zone)}). Yours is under each time when your clock differs.`;
}

/** Month of free dates, then the free times of the chosen day, live from Acuity (briefly cached). */
export function AvailabilityPicker({
  specialistId,
  appointmentType,
  timeZone,
  initialMonth,
  selected,
  onSelect,
  reloadKey = 0,
}: Props) {
  const [month, setMonth] = useState(initialMonth);
  const [dates, setDates] = useState<string[] | null>(null);
  const [date, setDate] = useState<string | null>(selected ? selected.slice(0, 10) : null);
  const [loaded, setLoaded] = useState<{ key: string; slots: AvailableSlot[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingDates, startDates] = useTransition();
  const [loadingTimes, startTimes] = useTransition();

  useEffect(() => {
    startDates(async () => {
      setError(null);
      const result = await loadAvailableDates({ specialistId, appointmentType, month });
      if (!result.ok) return setError(result.error);
      setDates(result.data);
      setDate((current) => (current && result.data.includes(current) ? current : (result.data[0] ?? null)));
    });
  }, [specialistId, appointmentType, month, reloadKey]);

  useEffect(() => {
    if (!date) return;
    startTimes(async () => {
      const result = await loadAvailableTimes({ specialistId, appointmentType, date });
      if (!result.ok) return setError(result.error);
      setLoaded({ key: `${appointmentType}:${date}:${reloadKey}`, slots: result.data });
    });
  }, [specialistId, appointmentType, date, reloadKey]);

  // Times belong to one day (and type, and reload): stale ones from a previous choice never show.
  const times = date && loaded?.key === `${appointmentType}:${date}:${reloadKey}` ? loaded.slots : null;
  const dayName = date
    ? new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", {
        weekday: "long",
        month: "long",
        day: "numeric",
        timeZone: "UTC",
      })
    : null;
  return (
    <div className="grid gap-4 md:grid-cols-[18rem_1fr]" data-testid="time-picker">
      <MonthGrid
        month={month}
        available={dates ?? []}
        selected={date}
        today={todayIn(timeZone)}
        loading={loadingDates}
        onMonth={(delta) => setMonth((m) => addMonths(m, delta))}
        canGoBack={month > initialMonth}
        onSelect={(d) => {
          setDate(d);
          onSelect(null);
        }}
      />
      <div>
        <p className="text-sm font-medium text-slate-700">
          {dayName ? `Free times on ${dayName}` : "Free times"}
        </p>
        <p className="text-xs text-slate-600">{zoneNote(timeZone, date)}</p>
        {error && (
          <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {error}
          </p>
        )}
        {!error && dates !== null && dates.length === 0 && !loadingDates && (
          <p className="mt-3 text-sm text-slate-600">No free times this month — try the next month.</p>
        )}
        {/* Always in the page, so its changes are announced: loading, then how many times the day has. */}
        <p role="status" data-progress className="mt-3 text-sm text-slate-600">
          {loadingTimes ? (
            "Loading times…"
          ) : times && dayName ? (
            <span className="sr-only">{`${times.length} free ${times.length === 1 ? "time" : "times"} on ${dayName}`}</span>
          ) : null}
        </p>
        {/* Toggle buttons in a list, right after the grid: one Tab from the chosen day reaches the
            first time, and choosing a time keeps focus on it (only its pressed state changes). */}
        {!loadingTimes && times && (
          <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3" aria-label="Free times">
            {times.length === 0 && (
              <li className="col-span-full text-sm text-slate-600">
                That day just filled up — pick another day.
              </li>
            )}
            {times.map((slot) => (
              <li key={slot.datetime}>
                <button
                  type="button"
                  aria-pressed={selected === slot.datetime}
                  onClick={() => onSelect(slot)}
                  className={`min-h-9 w-full rounded-md border px-2 py-2 text-sm ${selected === slot.datetime ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-400 bg-white hover:border-indigo-500"}`}
                >
                  <SlotLabel startsAt={slot.startsAt} timeZone={timeZone} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
