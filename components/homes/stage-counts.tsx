import Link from "next/link";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { PROGRESS_STAGES } from "@/db/schema/enums";
import type { StageCounts as Counts } from "@/lib/homes/referrer-home";
import { countLabel } from "./home-section";

/**
 * How many of the viewer's bookings are in each stage, each a link into the bookings list
 * filtered to that stage (all views: past and upcoming alike; archived ones are left out, as the list does).
 */
export function StageCounts({ counts }: { counts: Counts }) {
  return (
    <nav aria-label="Bookings by stage" data-testid="stage-counts">
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {PROGRESS_STAGES.map((stage) => (
          <li key={stage}>
            <Link
              href={`/bookings?view=all&progress=${stage}`}
              data-testid={`stage-count-${stage}`}
              data-count={counts[stage].total}
              className="flex min-h-16 flex-col justify-between rounded-lg border border-slate-200 bg-white px-3 py-2 hover:border-indigo-400 hover:bg-indigo-50"
            >
              <span className="text-2xl font-semibold text-slate-900 tabular-nums">
                {countLabel(counts[stage].total, counts[stage].capped)}
              </span>
              <span className="text-sm text-indigo-800 underline">{STAGE_NAMES[stage]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
