"use client";
/**
 * The homes' booking lines drawn from data. The server works out the words (booking-line.tsx,
 * week-item.tsx: the two clocks, the kind) and passes a few strings per booking; as server-rendered
 * elements each line's tree travelled to the browser as well — ≈ 1.2 KB of payload a line, 111 KB
 * for a specialist's full week (issue 14) — where its data is ≈ 0.35 KB.
 */
import type { ReactNode } from "react";
import type { ProgressStage } from "@/db/schema/enums";
import { ProgressBadge } from "@/components/bookings/progress-badge";
import { ZonedTimeText } from "@/components/bookings/zoned-time-text";
import { ROW_LINK } from "@/components/ui/row-link";

/** What a line shows of one booking, already in words. */
export interface HomeLineData {
  id: string;
  examineeName: string;
  /** The examination time in the specialist's zone, and its instant (ISO) for <time>. */
  when: string;
  whenIso: string;
  /** The viewer's clock when it differs ("5:35 PM CST"), else null. */
  whenViewer: string | null;
  stage: ProgressStage;
  hasBrief: boolean;
  hasConsentForm: boolean;
}

/**
 * Brief / consent present or missing, in words (never colour alone). One string, one text node:
 * `{label} {word}` is three, which React's HTML separates with `<!-- -->` markers — a week's lines
 * carry two flags each.
 */
export function PaperFlag({ present, label, testId }: { present: boolean; label: string; testId: string }) {
  return (
    <span data-testid={testId} data-present={present} className="paper-flag">
      {`${label} ${present ? "in" : "missing"}`}
    </span>
  );
}

/** The time display rule's two clocks, from the line's words. */
const LineTime = ({ line }: { line: HomeLineData }) => (
  <ZonedTimeText
    iso={line.whenIso}
    primary={line.when}
    secondary={line.whenViewer}
    secondaryClassName="zoned-time-note"
  />
);

/** One booking on a home (booking-line.tsx says what it shows). */
export function BookingLineView({
  line,
  people,
  testId,
  showPapers,
  children,
}: {
  line: HomeLineData;
  /** "Dr. Amelia Hart · Northwind Insurance". */
  people: string;
  testId: string;
  showPapers: boolean;
  children?: ReactNode;
}) {
  return (
    <li className="home-line" data-testid={testId} data-booking-id={line.id}>
      <span className="home-line-time">
        <LineTime line={line} />
      </span>
      <span className="home-line-main">
        <span className="home-line-title">
          <a href={`/bookings/${line.id}`} className="list-link" data-testid="examinee" {...ROW_LINK}>
            {line.examineeName}
          </a>
          <ProgressBadge stage={line.stage} testId="stage" />
        </span>
        <span className="text-slate-600">{people}</span>
        {showPapers && (
          <span className="flag-row">
            <PaperFlag present={line.hasBrief} label="Brief" testId="brief-flag" />
            <PaperFlag present={line.hasConsentForm} label="Consent form" testId="consent-flag" />
          </span>
        )}
      </span>
      {children && <span className="home-line-detail">{children}</span>}
    </li>
  );
}

/** A day's examinations in the specialist's week (week-item.tsx says what each shows). */
export function WeekItemsView({ lines }: { lines: (HomeLineData & { kind: string })[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {lines.map((line) => (
        <li key={line.id} className="week-item" data-testid="agenda-item" data-booking-id={line.id}>
          <span className="week-item-time">
            <LineTime line={line} />
          </span>
          <a
            href={`/bookings/${line.id}`}
            data-week-item
            data-testid="examinee"
            {...ROW_LINK}
            className="week-item-link"
          >
            {line.examineeName}
          </a>
          <span className="week-item-kind">{line.kind}</span>
          <span className="flag-row">
            <PaperFlag present={line.hasBrief} label="Brief" testId="brief-flag" />
            <PaperFlag present={line.hasConsentForm} label="Consent" testId="consent-flag" />
          </span>
          <ProgressBadge stage={line.stage} testId="stage" />
        </li>
      ))}
    </ul>
  );
}
