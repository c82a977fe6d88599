import type { ProgressStage } from "@/db/schema/enums";
import { PROGRESS_LABELS } from "./progress-label";

/** A stage as a coloured pill; `data-stage` lets tests read the stage without the wording. */
export function ProgressBadge({ stage, testId }: { stage: ProgressStage; testId?: string }) {
  const { label, tone } = PROGRESS_LABELS[stage];
  return (
    <span
      data-testid={testId}
      data-stage={stage}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tone}`}
    >
      {label}
    </span>
  );
}
