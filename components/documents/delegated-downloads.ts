import type { MouseEvent } from "react";
import { requestDocumentDownloadAction } from "@/app/(portal)/bookings/[bookingId]/documents-actions";

const DOWNLOAD_SELECTOR = "button[data-download-document]";
// The words the portal's other forms use when a request never got an answer.
const COULD_NOT_REACH = "The portal could not be reached — check your connection and try again.";

/**
 * The click of a download button written as markup, not as a DownloadButton (the bookings table's
 * rows: booking-cells-html.ts), handled by the list's container: the same steps as DownloadButton —
 * ask for a fresh one-minute link (each one audited) and follow it; "Preparing…" meanwhile, and the
 * refusal, if any, under the button. The button is not React's, so its words change in the page
 * itself; React leaves a row's markup alone until the row itself changes.
 */
export function onDelegatedDownloadClick(event: MouseEvent) {
  const button =
    event.target instanceof Element ? event.target.closest<HTMLButtonElement>(DOWNLOAD_SELECTOR) : null;
  const documentId = button?.dataset.downloadDocument;
  if (!button || !documentId || button.getAttribute("aria-disabled") === "true") return;
  // aria-disabled, not disabled: a disabled button drops the focus it has.
  button.setAttribute("aria-disabled", "true");
  button.textContent = "Preparing…";
  button.parentElement?.querySelector("[role=alert]")?.remove();
  const settle = (error: string | null) => {
    button.removeAttribute("aria-disabled");
    button.textContent = "Download";
    if (!error) return;
    const alert = document.createElement("span");
    alert.setAttribute("role", "alert");
    alert.className = "mt-1 text-xs text-rose-700";
    alert.textContent = error;
    button.after(alert);
  };
  requestDocumentDownloadAction({ documentId }).then(
    (result) => {
      settle(result.ok ? null : result.error);
      if (result.ok) window.location.assign(result.data.url);
    },
    () => settle(COULD_NOT_REACH),
  );
}
