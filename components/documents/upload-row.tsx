"use client";
import { Button } from "@/components/ui/button";
import type { DocumentCategory } from "@/db/schema/enums";
import { formatBytes } from "./format";

/** "refused": the portal read the file and it is not what it claims — deleted; retrying cannot help. */
export type UploadStatus =
  "preparing" | "uploading" | "confirming" | "done" | "failed" | "refused" | "cancelled";

export interface UploadItem {
  id: string;
  file: File;
  category: DocumentCategory;
  categoryLabel: string;
  status: UploadStatus;
  sentBytes: number;
  error: string | null;
  /**
   * Whether sending it again can help. False for a file refused for its type or size (before
   * sending, or `wrong_file_type` after) or one that may not be added here: no Retry then.
   */
  retryable: boolean;
}

const STATUS_TEXT: Record<UploadStatus, string> = {
  preparing: "Preparing…",
  uploading: "Uploading…",
  confirming: "Checking the upload…",
  done: "Uploaded",
  failed: "Failed",
  refused: "Refused",
  cancelled: "Cancelled",
};

/** One file in the upload queue: name, progress bar, and what can be done with it now. */
export function UploadRow({
  item,
  onCancel,
  onRetry,
  onDismiss,
}: {
  item: UploadItem;
  onCancel: () => void;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const percent = item.file.size > 0 ? Math.min(100, Math.floor((item.sentBytes / item.file.size) * 100)) : 0;
  const active = item.status === "preparing" || item.status === "uploading" || item.status === "confirming";
  const barTone =
    item.status === "failed" || item.status === "refused"
      ? "bg-rose-500"
      : item.status === "done"
        ? "bg-emerald-500"
        : item.status === "cancelled"
          ? "bg-slate-400"
          : "bg-indigo-500";
  return (
    <li
      className="rounded-md border border-slate-200 bg-white p-3"
      data-testid="upload-row"
      data-status={item.status}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <div className="min-w-0">
          <span className="font-medium break-all">{item.file.name}</span>
          <span className="ml-2 text-slate-600">
            {item.categoryLabel} · {formatBytes(item.file.size)}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-slate-600" data-testid="upload-status">
            {STATUS_TEXT[item.status]}
            {item.status === "uploading" && ` ${percent}%`}
          </span>
          {/* Once confirming, the file is in storage and the portal is deciding: too late to cancel. */}
          {(item.status === "preparing" || item.status === "uploading") && (
            <Button variant="secondary" onClick={onCancel} aria-label={`Cancel uploading ${item.file.name}`}>
              Cancel
            </Button>
          )}
          {/* Only for what a new try can fix: never for a "refused" file. */}
          {(item.status === "cancelled" || (item.status === "failed" && item.retryable)) && (
            <Button variant="secondary" onClick={onRetry} aria-label={`Retry ${item.file.name}`}>
              Retry
            </Button>
          )}
          {!active && (
            <Button
              variant="secondary"
              onClick={onDismiss}
              aria-label={`Remove ${item.file.name} from the list`}
            >
              Dismiss
            </Button>
          )}
        </div>
      </div>
      <div
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={`Upload progress of ${item.file.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={item.status === "done" ? 100 : percent}
        data-testid="upload-progress"
      >
        <div
          className={`h-full ${barTone}`}
          style={{ width: `${item.status === "done" ? 100 : percent}%` }}
        />
      </div>
      {item.error && (
        // An alert: read out as it appears (a failure is urgent; "Upload complete" goes through
        // the page's polite live region instead).
        <p role="alert" className="mt-2 text-sm text-rose-700" data-testid="upload-error">
          {item.error}
        </p>
      )}
    </li>
  );
}
