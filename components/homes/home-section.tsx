import Link from "next/link";
import type { ReactNode } from "react";
import { dateLabel } from "@/lib/time/people-time";

/** "12", or "1,000+" when the count stopped at its cap — what the reader sees stays true. */
export const countLabel = (total: number, capped = false) =>
  `${total.toLocaleString("en-US")}${capped ? "+" : ""}`;

/**
 * One block of a home: a heading with how many there are in all, a bounded list (or a sentence
 * saying what the empty list means), and "See all" into the bookings list with the same filter.
 */
export interface HomeSectionProps {
  title: string;
  total: number;
  capped?: boolean;
  /** How many rows the list shows (the heading's count says how many there are in all). */
  shown: number;
  seeAll?: { href: string; label: string };
  testId: string;
  empty: ReactNode;
  headingLevel?: 2 | 3;
  tone?: "plain" | "attention";
  children: ReactNode;
}

export function HomeSection({
  title,
  total,
  capped = false,
  shown,
  seeAll,
  testId,
  empty,
  headingLevel = 2,
  tone = "plain",
  children,
}: HomeSectionProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${testId}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      data-shown={shown}
      className={`min-w-0 rounded-lg border p-4 ${tone === "attention" && total > 0 ? "border-amber-300 bg-amber-50/50" : "border-slate-200 bg-white"}`}
    >
      <Heading
        id={headingId}
        className={`${headingLevel === 2 ? "text-lg" : "text-base"} font-semibold text-slate-900`}
      >
        {title}{" "}
        <span className="text-sm font-normal text-slate-600" data-testid={`${testId}-count`}>
          ({countLabel(total, capped)})
        </span>
      </Heading>
      {total === 0 ? (
        <p className="mt-2 text-sm text-slate-700" data-testid={`${testId}-empty`}>
          {empty}
        </p>
      ) : (
        <>
          {children}
          {seeAll && (
            <p className="mt-3 text-sm">
              <Link
                href={seeAll.href}
                className="font-medium text-indigo-700 underline hover:text-indigo-900"
              >
                {seeAll.label}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** A due day (YYYY-MM-DD, a calendar day — no zone to convert): "Mon, Dec 14". */
export const dueDay = (day: string) => dateLabel(new Date(`${day}T12:00:00Z`), "UTC", "weekday");
