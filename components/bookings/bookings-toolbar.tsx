"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { MIN_SEARCH_LENGTH, searchTerms } from "@/lib/bookings/search-terms";
import { useListUrl } from "./use-list-url";

export interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  search: string;
  filters: Record<string, string>;
  options: Record<"status" | "progress" | "specialist" | "team" | "type" | "source", FilterOption[]> & {
    /** Admin → Bookings: one organization. */
    organization?: FilterOption[];
  };
  hasFilters: boolean;
}

const SEARCH_DELAY_MS = 300;
const FILTERS: { key: keyof Props["options"]; label: string; all: string }[] = [
  { key: "organization", label: "Organization", all: "Any organization" },
  { key: "progress", label: "Progress", all: "Any progress" },
  // Archived bookings are left out unless asked for (booking-list-query.ts), so "all" is not all.
  { key: "status", label: "Status", all: "Active and closed" },
  { key: "specialist", label: "Specialist", all: "Any specialist" },
  { key: "team", label: "Team", all: "Any team" },
  { key: "type", label: "Type", all: "Any type" },
  { key: "source", label: "Source", all: "Any source" },
];

/**
 * Search as you type (debounced) and the filters; every change is a URL change, back to page 1,
 * and a history step of its own (a typed search is one step), so Back undoes them one by one.
 */
export function BookingsToolbar({ search, filters, options, hasFilters }: Props) {
  const { navigate, endTyping, pending, pathname } = useListUrl();
  const [text, setText] = useState(search);
  // The search the box last sent, or took from the URL on Back / Forward. Only those history
  // moves rewrite the box: a late answer to an earlier navigation must not undo what is being typed.
  const lastSent = useRef(search);
  useEffect(() => {
    const followHistory = () => {
      const q = new URLSearchParams(window.location.search).get("q")?.trim() ?? "";
      lastSent.current = q;
      setText(q);
    };
    window.addEventListener("popstate", followHistory);
    return () => window.removeEventListener("popstate", followHistory);
  }, []);
  // Keys pressed in a date field since its last change: typed dates fold into one step, picked ones don't.
  const keyed = useRef<Record<string, boolean>>({});

  const apply = (changes: Record<string, string>, field: string, typing = false) =>
    navigate({ ...changes, page: null }, { field, typing });
  const applyDate = (field: "from" | "to", value: string) => {
    const typing = keyed.current[field] === true;
    keyed.current[field] = false;
    apply({ [field]: value }, field, typing);
  };

  useEffect(() => {
    if (text.trim() === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = text.trim();
      apply({ q: text.trim() }, "q", true);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing should trigger a search
  }, [text]);

  const typed = text.trim();
  const terms = searchTerms(typed);
  const tooShort = typed.length > 0 && !terms.name && !terms.phoneDigits;
  const wordStart = terms.name?.match === "word-start";
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex-1">
          <span className="sr-only">Search bookings</span>
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => endTyping("q")}
            placeholder="Search name, phone, claim number or reference…"
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            aria-describedby="search-hint"
          />
        </label>
        {pending && (
          <span className="text-xs text-slate-500" aria-live="polite">
            Updating…
          </span>
        )}
        {hasFilters && (
          <Link
            href={pathname}
            className="text-sm text-indigo-700 hover:underline"
            onClick={() => {
              lastSent.current = "";
              setText("");
            }}
          >
            Clear all
          </Link>
        )}
      </div>
      <p id="search-hint" className={`text-xs ${tooShort ? "text-amber-700" : "text-slate-600"}`}>
        {tooShort
          ? `Type at least 2 letters, or ${MIN_SEARCH_LENGTH} digits, to search.`
          : wordStart
            ? `Names with a word starting "${typed}" — type one more letter to search any part of the name.`
            : "Any part of the name, claim number or case manager's reference, or phone digits in any format."}
      </p>
      <div className="flex flex-wrap items-end gap-2 text-sm">
        {FILTERS.filter(({ key }) => options[key]).map(({ key, label, all }) => (
          <label key={key} className="flex flex-col text-xs text-slate-500">
            {label}
            <select
              value={filters[key] ?? ""}
              onChange={(e) => apply({ [key]: e.target.value }, key)}
              className="mt-0.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800"
            >
              <option value="">{all}</option>
              {options[key]?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="flex flex-col text-xs text-slate-500">
          From
          <input
            type="date"
            value={filters.from ?? ""}
            onKeyDown={() => (keyed.current.from = true)}
            onChange={(e) => applyDate("from", e.target.value)}
            onBlur={() => endTyping("from")}
            className="mt-0.5 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800"
          />
        </label>
        <label className="flex flex-col text-xs text-slate-500">
          To
          <input
            type="date"
            value={filters.to ?? ""}
            onKeyDown={() => (keyed.current.to = true)}
            onChange={(e) => applyDate("to", e.target.value)}
            onBlur={() => endTyping("to")}
            className="mt-0.5 rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-800"
          />
        </label>
      </div>
    </div>
  );
}
