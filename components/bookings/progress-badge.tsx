import type { ProgressStage } from "@/db/schema/enums";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";

/**
 * A stage as a coloured pill: `data-stage` picks its colour (`.stage-badge` in globals.css — one
 * class on each of a list's rows instead of six) and lets tests read the stage without the wording.
 */
export function ProgressBadge({ stage, testId }: { stage: ProgressStage; testId?: string }) {
  return (
    <span data-testid={testId} data-stage={stage} className="stage-badge">
      {STAGE_NAMES[stage]}
    </span>
  );
}
