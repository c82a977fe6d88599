import { Timestamp } from "@/components/ui/timestamp";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { canUploadDocument } from "@/lib/authz/policy";
import type { BookingForViewer } from "@/lib/bookings/get-booking";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { CATEGORY_LABELS, CATEGORY_ORDER } from "@/lib/documents/category-labels";
import { listDocumentsForViewer } from "@/lib/documents/list-documents";
import { acceptedMimeTypes } from "@/lib/storage/mime-policy";
import { DocumentUploader, type UploadCategoryOption } from "./document-uploader";
import { DownloadButton } from "./download-button";
import { formatBytes } from "./format";

/**
 * The booking page's documents section: what the viewer may see, grouped by category, with
 * a download button per file, and the upload panel for the categories they may add.
 * Slot owned by the documents work (issue 5); the booking page renders it as is.
 */
export async function BookingDocumentsSection({
  booking,
  actor,
}: {
  booking: BookingForViewer;
  actor: Actor;
}) {
  const groups = await listDocumentsForViewer(getDb(), actor, booking.booking.id);
  if (!groups) return null;
  const viewerZone = await viewerTimeZone();
  const uploadCategories: UploadCategoryOption[] = CATEGORY_ORDER.filter((category) =>
    canUploadDocument(actor, booking.booking, category),
  ).map((category) => ({
    value: category,
    label: CATEGORY_LABELS[category].one,
    accept: acceptedMimeTypes(category).join(","),
  }));
  const total = groups.reduce((sum, group) => sum + group.documents.length, 0);

  return (
    <section aria-labelledby="documents-heading" className="mt-8" data-testid="documents-section">
      <div className="flex items-baseline justify-between">
        <h2 id="documents-heading" className="text-lg font-semibold">
          Documents
        </h2>
        <p className="text-sm text-slate-600">
          {total === 0 ? "No documents yet." : `${total} ${total === 1 ? "document" : "documents"}`}
        </p>
      </div>

      {uploadCategories.length > 0 && (
        <div className="mt-4">
          <DocumentUploader bookingId={booking.booking.id} categories={uploadCategories} />
        </div>
      )}

      <div className="mt-4 space-y-4">
        {groups.map((group) => (
          <div
            key={group.category}
            className="rounded-lg border border-slate-200 bg-white"
            data-testid={`documents-group-${group.category}`}
          >
            <h3 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-700">
              {CATEGORY_LABELS[group.category].many}
              <span className="ml-2 font-normal text-slate-600">{group.documents.length}</span>
            </h3>
            {group.documents.length === 0 ? (
              <p className="px-4 py-3 text-sm text-slate-600">None yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {group.documents.map((document) => (
                  <li
                    key={document.id}
                    className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm"
                    data-testid="document-row"
                  >
                    <div className="min-w-0">
                      <p className="font-medium break-all" data-testid="document-name">
                        {document.fileName}
                      </p>
                      <p className="text-slate-600">
                        {formatBytes(document.fileSize)} · uploaded by {document.uploadedByName} ·{" "}
                        <Timestamp instant={document.uploadedAt} viewerZone={viewerZone} />
                      </p>
                    </div>
                    <DownloadButton documentId={document.id} fileName={document.fileName} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
