import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BookingListSection } from "@/components/homes/booking-list-section";
import { dueDay } from "@/components/homes/home-section";
import { StageCounts } from "@/components/homes/stage-counts";
import { DownloadButton } from "@/components/documents/download-button";
import { Timestamp } from "@/components/ui/timestamp";
import { homePathFor } from "@/components/shell/nav-items";
import { RowLinksArea } from "@/components/ui/row-links-area";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { HOME_LIST_LIMIT, loadReferrerHome, UPCOMING_DAYS } from "@/lib/homes/referrer-home";
import { addDays, localDateIn } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Home" };

/**
 * The referrer's home: what needs them today in one look — papers missing before an examination,
 * reports ready, changes from the specialist's side, overdue reports — then the next 14 days and
 * their bookings by stage. Specialists start on /specialist and admins on /admin instead. Signed-out
 * visitors and owed two-factor enrolments are handled by the portal layout (requireActor).
 */
export default async function HomePage() {
  const actor = await requireActor();
  const home = homePathFor(actor);
  if (home !== "/") redirect(home);
  const now = new Date();
  const viewerZone = await viewerTimeZone();
  const today = localDateIn(now, viewerZone ?? "UTC");
  const data = await loadReferrerHome(getDb(), actor, now);
  const { missingPapers, readyReports, specialistChanges, overdue, upcoming } = data;
  const needsYou = missingPapers.total + readyReports.total + specialistChanges.total + overdue.total;

  return (
    <RowLinksArea className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Home</h1>
        <p className="mt-1 text-sm text-slate-700">
          {needsYou === 0
            ? "Nothing needs you right now."
            : "What needs you first, then what is coming up. Examination times are in the specialist's time zone."}
        </p>
      </header>

      <section aria-labelledby="needs-you-heading" data-testid="needs-you">
        <h2 id="needs-you-heading" className="text-xl font-semibold">
          Needs you
        </h2>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <BookingListSection
            title="Reports ready to download"
            headingLevel={3}
            list={readyReports}
            viewerZone={viewerZone}
            testId="ready-reports"
            itemTestId="ready-report"
            keyOf={(row) => row.documentId}
            tone="attention"
            seeAll={{ href: "/bookings?view=all&progress=report_generated", label: "See all reports ready" }}
            empty="No reports are waiting. A report appears here as soon as the specialist marks it ready."
            detail={(row) => (
              <>
                <DownloadButton documentId={row.documentId} fileName={row.fileName} />
                <span className="text-xs text-slate-600">
                  {row.fileName} · <Timestamp instant={row.uploadedAt} viewerZone={viewerZone} />
                </span>
              </>
            )}
          />

          <BookingListSection
            title="Brief or consent form missing"
            headingLevel={3}
            list={missingPapers}
            viewerZone={viewerZone}
            testId="missing-papers"
            itemTestId="missing-papers-item"
            showPapers
            tone="attention"
            seeAll={{
              href: `/bookings?view=upcoming&progress=scheduled,rescheduled`,
              label: "See all upcoming examinations",
            }}
            empty="Every upcoming examination has its brief and consent form."
          />

          <BookingListSection
            title="Changed by the specialist's side"
            headingLevel={3}
            list={specialistChanges}
            viewerZone={viewerZone}
            testId="specialist-changes"
            itemTestId="specialist-change"
            tone="attention"
            seeAll={{
              href: "/bookings?view=all&progress=rescheduled,cancelled",
              label: "See all rescheduled and cancelled",
            }}
            empty="Nothing was rescheduled or cancelled by the specialist or the office in the last 14 days."
            detail={(row) => (
              <>
                <span className="font-medium text-slate-900" data-change={row.change}>
                  {row.change === "cancelled" ? "Cancelled" : "Rescheduled"}
                </span>
                <span className="text-xs text-slate-600">
                  <Timestamp instant={row.changedAt} viewerZone={viewerZone} />
                </span>
              </>
            )}
          />

          <BookingListSection
            title="Overdue reports"
            headingLevel={3}
            list={overdue}
            viewerZone={viewerZone}
            testId="overdue-reports"
            itemTestId="overdue-report"
            tone="attention"
            seeAll={{
              href: "/bookings?view=past&progress=scheduled,rescheduled,generating_report",
              label: "See all reports still owed",
            }}
            empty="No report is past its due day."
            detail={(row) =>
              row.reportDueOn && (
                <span className="font-medium text-rose-800">Due {dueDay(row.reportDueOn)}</span>
              )
            }
          />
        </div>
      </section>

      <BookingListSection
        title={`Examinations in the next ${UPCOMING_DAYS} days`}
        list={upcoming}
        viewerZone={viewerZone}
        testId="upcoming"
        itemTestId="upcoming-item"
        showPapers
        seeAll={{
          href: `/bookings?view=upcoming&from=${today}&to=${addDays(today, UPCOMING_DAYS)}`,
          label:
            `See all ${upcoming.total > HOME_LIST_LIMIT ? upcoming.total.toLocaleString("en-US") : ""} examinations in the next ${UPCOMING_DAYS} days`.replace(
              "  ",
              " ",
            ),
        }}
        empty={`No examinations in the next ${UPCOMING_DAYS} days. Book one from “New booking”.`}
      />

      <section aria-labelledby="by-stage-heading">
        <h2 id="by-stage-heading" className="text-lg font-semibold">
          Your bookings by stage
        </h2>
        <p className="mb-3 text-sm text-slate-700">Open a stage to see its bookings.</p>
        <StageCounts counts={data.stageCounts} />
      </section>
    </RowLinksArea>
  );
}
