import Link from "next/link";
import type { ReactNode } from "react";
import { ProgressBadge } from "@/components/bookings/progress-badge";
import type { SpecialistBookingRow } from "@/lib/specialists/specialist-booking-rows";

function DocumentFlag({ present, label, testId }: { present: boolean; label: string; testId: string }) {
  return (
    <span
      data-testid={testId}
      data-present={present}
      className={`rounded px-1.5 py-0.5 text-xs ${present ? "bg-emerald-50 text-emerald-800" : "bg-rose-50 text-rose-800"}`}
    >
      {label} {present ? "in" : "missing"}
    </span>
  );
}

/** Where the examination happens: the specialist's rooms, or the meeting link for telehealth. */
function Place({ row }: { row: SpecialistBookingRow }) {
  if (row.appointmentType === "in_person") {
    return <span>In person · {row.specialistLocation ?? "address not set"}</span>;
  }
  return (
    <span>
      Telehealth ·{" "}
      {row.meetingLink ? (
        <a href={row.meetingLink} target="_blank" rel="noreferrer" className="text-indigo-700 underline">
          Join meeting
        </a>
      ) : (
        "meeting link not yet available"
      )}
    </span>
  );
}

/** One examination as the specialist scans it: who, what kind, where, and whether the papers are in. */
export function ExaminationSummary({ row, when }: { row: SpecialistBookingRow; when: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="w-48 shrink-0 font-medium text-slate-900">{when}</span>
      <Link
        href={`/bookings/${row.id}`}
        className="font-medium text-indigo-700 hover:underline"
        data-testid="examinee"
      >
        {row.examineeName}
      </Link>
      <span className="text-slate-600">
        <Place row={row} />
      </span>
      <span className="text-slate-500">{row.organizationName}</span>
      <span className="flex gap-1">
        <DocumentFlag present={row.hasBrief} label="Brief" testId="brief-flag" />
        <DocumentFlag present={row.hasConsentForm} label="Consent" testId="consent-flag" />
      </span>
      <ProgressBadge stage={row.currentProgress} testId="stage" />
    </div>
  );
}
