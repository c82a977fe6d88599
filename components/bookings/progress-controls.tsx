"use client";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useId, useState, useSyncExternalStore, useTransition } from "react";
import { changeProgressAction } from "@/app/(portal)/bookings/[bookingId]/progress-actions";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import type { ProgressStage } from "@/db/schema/enums";
import { BOOKING_CHANGED_MESSAGE } from "@/lib/bookings/progress/messages";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { PROGRESS_HEADING_ID } from "./progress-heading-id";

const ProgressCorrection = lazy(() =>
  import("./progress-correction").then((module) => ({ default: module.ProgressCorrection })),
);

const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;

export type SubmitProgress = (
  run: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors: Record<string, string[]> }>,
  onDone: () => void,
  to: ProgressStage,
) => void;

export interface OfferedMove {
  to: ProgressStage;
  label: string;
  requiresNote: boolean;
  /** null = possible now; otherwise why not, shown beside the disabled button. */
  blockedReason: string | null;
}

interface Props {
  bookingId: string;
  currentStage: ProgressStage;
  moves: OfferedMove[];
  corrections: { stage: ProgressStage; label: string }[];
}

/** The buttons for the moves the server offered, a note for them, and an admin's correction form. */
export function ProgressControls({ bookingId, currentStage, moves, corrections }: Props) {
  const router = useRouter();
  const announce = useAnnounce();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const conflict = error === BOOKING_CHANGED_MESSAGE;
  const hydrated = useSyncExternalStore(noSubscription, isClient, isServer);

  const submit: SubmitProgress = (run, onDone, to) => {
    setError(null);
    startTransition(async () => {
      const result = await run();
      if (!result.ok) return setError(result.fieldErrors.note?.[0] ?? result.error);
      onDone();
      // The page's live region says the new stage (the timeline updates silently); the button
      // pressed is usually gone with the old stage's moves, so focus goes to the section heading.
      announce(`Progress changed to ${STAGE_NAMES[to]}.`);
      document.getElementById(PROGRESS_HEADING_ID)?.focus();
      router.refresh();
    });
  };

  function move(target: OfferedMove) {
    if (target.requiresNote && !note.trim())
      return setError(`Add a note saying why before “${target.label}”.`);
    submit(
      () => changeProgressAction({ bookingId, expectedFrom: currentStage, to: target.to, note }),
      () => setNote(""),
      target.to,
    );
  }

  return (
    <div className="mt-5 space-y-5 border-t border-slate-100 pt-4">
      {moves.length > 0 && (
        <div className="space-y-3">
          <label htmlFor={noteId} className="block text-sm font-medium">
            Note {moves.some((m) => m.requiresNote) ? "(required for some changes)" : "(optional)"}
          </label>
          <textarea
            id={noteId}
            data-testid="progress-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={2}
            maxLength={2000}
            className="block w-full rounded-md border border-slate-400 px-3 py-2 text-sm"
            placeholder="Recorded on the timeline with the change"
          />
          <ul className="flex flex-wrap gap-3">
            {moves.map((m) => (
              <li key={m.to} className="max-w-xs">
                <Button
                  type="button"
                  data-testid={`progress-move-${m.to}`}
                  disabled={pending || m.blockedReason !== null}
                  aria-describedby={m.blockedReason ? `${noteId}-${m.to}-why` : undefined}
                  variant={m.to === "no_show" ? "secondary" : "primary"}
                  onClick={() => move(m)}
                >
                  {m.label}
                </Button>
                {m.blockedReason && (
                  <p
                    id={`${noteId}-${m.to}-why`}
                    className="mt-1 text-xs text-slate-600"
                    data-testid={`progress-move-${m.to}-reason`}
                  >
                    {m.blockedReason}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {corrections.length > 0 && hydrated && (
        // Administrators only: its code loads for them alone, after the page (issue 14's budget) —
        // drawn once the page is live, so nothing chosen in it is lost to hydration.
        <Suspense fallback={null}>
          <ProgressCorrection
            bookingId={bookingId}
            currentStage={currentStage}
            corrections={corrections}
            pending={pending}
            submit={submit}
            onRefused={setError}
          />
        </Suspense>
      )}

      {error && (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 text-sm text-rose-700"
          data-testid="progress-error"
        >
          <span>{error}</span>
          {conflict && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setError(null);
                router.refresh();
              }}
            >
              Reload
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
