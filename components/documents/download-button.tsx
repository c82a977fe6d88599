"use client";
import { useState, useTransition } from "react";
import { requestDocumentDownloadAction } from "@/app/(portal)/bookings/[bookingId]/documents-actions";
import { Button } from "@/components/ui/button";

/**
 * Asks the portal for a fresh one-minute link (each one is audited) and follows it; storage
 * answers with `Content-Disposition: attachment`, so the browser saves the file and the
 * page stays where it is.
 */
export function DownloadButton({ documentId, fileName }: { documentId: string; fileName: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      {/* aria-disabled while preparing, not disabled: a disabled button drops the focus it has. */}
      <Button
        variant="secondary"
        aria-disabled={pending || undefined}
        aria-label={`Download ${fileName}`}
        data-testid="document-download"
        onClick={() =>
          !pending &&
          startTransition(async () => {
            setError(null);
            const result = await requestDocumentDownloadAction({ documentId });
            if (!result.ok) return setError(result.error);
            window.location.assign(result.data.url);
          })
        }
      >
        {pending ? "Preparing…" : "Download"}
      </Button>
      {error && (
        <span role="alert" className="mt-1 text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
