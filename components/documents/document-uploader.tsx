"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type DragEvent } from "react";
import {
  cancelDocumentUploadAction,
  completeMultipartDocumentUploadAction,
  confirmDocumentUploadAction,
  requestDocumentUploadAction,
} from "@/app/(portal)/bookings/[bookingId]/documents-actions";
import { useAnnounce } from "@/components/ui/live-region";
import type { DocumentCategory } from "@/db/schema/enums";
import type { ErrorCode } from "@/lib/errors/codes";
import { TransferCancelled, transferFile } from "./upload-transfer";
import { UploadRow, type UploadItem } from "./upload-row";

export interface UploadCategoryOption {
  value: DocumentCategory;
  label: string;
  /** For the file picker's `accept`; drag and drop is checked by the server either way. */
  accept: string;
}

type Running = { controller: AbortController; pendingUploadId: string | null };

const failureText = (result: { error: string; fieldErrors: Record<string, string[]> }) =>
  result.fieldErrors.file?.length ? `${result.fieldErrors.file.join(". ")}.` : result.error;

/**
 * Whether sending the same file again can help: only when the portal or storage did not answer,
 * or the file did not arrive. A file refused for what it is (its type or size before sending,
 * `wrong_file_type` after reading it) or a booking the person may not add to gets no "Retry".
 */
const RETRYABLE_CODES = new Set<ErrorCode>(["upstream_unavailable", "rate_limited", "internal", "stale"]);
const retryable = (stage: "request" | "confirm", code: ErrorCode) =>
  RETRYABLE_CODES.has(code) ||
  // Confirm's invalid_input is "did not arrive in storage, upload it again": a new try can work.
  (stage === "confirm" && code === "invalid_input");

/**
 * Choose a kind of document, then pick or drop files: each gets a signed URL from the
 * portal, goes straight to storage with a progress bar, and is confirmed by the portal.
 */
export function DocumentUploader({
  bookingId,
  categories,
}: {
  bookingId: string;
  categories: UploadCategoryOption[];
}) {
  const router = useRouter();
  const announce = useAnnounce();
  const inputId = useId();
  const [category, setCategory] = useState<DocumentCategory | "">(
    categories.length === 1 ? categories[0]!.value : "",
  );
  const [items, setItems] = useState<UploadItem[]>([]);
  const [dragging, setDragging] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const running = useRef(new Map<string, Running>());
  const fileInput = useRef<HTMLInputElement>(null);

  const update = (id: string, patch: Partial<UploadItem>) =>
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  async function upload(id: string, file: File, chosen: DocumentCategory) {
    const controller = new AbortController();
    const run: Running = { controller, pendingUploadId: null };
    running.current.set(id, run);
    update(id, { status: "preparing", sentBytes: 0, error: null, retryable: true });
    try {
      const plan = await requestDocumentUploadAction({
        bookingId,
        category: chosen,
        fileName: file.name,
        size: file.size,
        mimeType: file.type,
      });
      if (controller.signal.aborted) throw new TransferCancelled();
      // Failures are said by the row's alert; success through the page's polite live region.
      if (!plan.ok)
        return update(id, {
          status: "failed",
          retryable: retryable("request", plan.code),
          error: failureText(plan),
        });
      run.pendingUploadId = plan.data.pendingUploadId;

      update(id, { status: "uploading" });
      const parts = await transferFile(
        file,
        plan.data,
        (sentBytes) => update(id, { sentBytes }),
        controller.signal,
      );

      update(id, { status: "confirming", sentBytes: file.size });
      const pendingUploadId = plan.data.pendingUploadId;
      const confirmed =
        plan.data.kind === "multipart"
          ? await completeMultipartDocumentUploadAction({ pendingUploadId, parts })
          : await confirmDocumentUploadAction({ pendingUploadId });
      if (!confirmed.ok)
        return update(id, {
          status: confirmed.code === "wrong_file_type" ? "refused" : "failed",
          retryable: retryable("confirm", confirmed.code),
          error: confirmed.error,
        });
      update(id, { status: "done" });
      announce(`Upload complete: ${file.name}.`);
      router.refresh();
    } catch (error) {
      if (error instanceof TransferCancelled || controller.signal.aborted) {
        announce(`Upload cancelled: ${file.name}.`);
        return update(id, { status: "cancelled", error: null });
      }
      // The transfer itself broke (network, an expired link): a new try asks for a new link.
      update(id, {
        status: "failed",
        retryable: true,
        error: error instanceof Error ? error.message : "The upload failed. Retry.",
      });
    } finally {
      running.current.delete(id);
    }
  }

  function addFiles(files: FileList | File[]) {
    const list = [...files];
    if (list.length === 0) return;
    if (!category) return setFormError("Choose what kind of document you are uploading first.");
    setFormError(null);
    const label = categories.find((c) => c.value === category)!.label;
    const added: UploadItem[] = list.map((file) => ({
      id: crypto.randomUUID(),
      file,
      category,
      categoryLabel: label,
      status: "preparing",
      sentBytes: 0,
      error: null,
      retryable: true,
    }));
    setItems((current) => [...current, ...added]);
    for (const item of added) void upload(item.id, item.file, item.category);
  }

  function cancel(id: string) {
    const run = running.current.get(id);
    if (!run) return;
    run.controller.abort();
    // Frees what storage may already hold; the daily cleanup would catch it otherwise.
    if (run.pendingUploadId) void cancelDocumentUploadAction({ pendingUploadId: run.pendingUploadId });
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    addFiles(event.dataTransfer.files);
  };
  const accept = categories.find((c) => c.value === category)?.accept;

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="document-uploader">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Kind of document</span>
          <select
            value={category}
            onChange={(event) => {
              setCategory(event.target.value as DocumentCategory | "");
              setFormError(null);
            }}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            data-testid="upload-category"
          >
            <option value="">Choose…</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* The zone shows focus while its (visually hidden) file input has it: the input comes
          first so the visible "Choose files" can ring on peer-focus-visible. */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-3 flex flex-col items-center justify-center rounded-md border-2 border-dashed px-4 py-6 text-center text-sm focus-within:border-indigo-600 ${
          dragging ? "border-indigo-400 bg-indigo-50" : "border-slate-400 bg-slate-50"
        }`}
        data-testid="upload-dropzone"
      >
        <input
          id={inputId}
          ref={fileInput}
          type="file"
          multiple
          accept={accept}
          className="peer sr-only"
          data-testid="upload-input"
          onChange={(event) => {
            addFiles(event.target.files ?? []);
            if (fileInput.current) fileInput.current.value = "";
          }}
        />
        {/* Nothing to drag from on a phone or a touch screen: there it just says "Choose files". */}
        <p className="hidden text-slate-700 sm:block pointer-coarse:hidden" data-testid="upload-drop-hint">
          Drop files here, or
        </p>
        <label
          htmlFor={inputId}
          className="inline-flex min-h-9 cursor-pointer items-center rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium text-slate-800 peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-700 peer-focus-visible:ring-offset-2 hover:bg-slate-50 sm:mt-2"
        >
          Choose files
        </label>
        <p className="mt-2 text-xs text-slate-600">Up to 500 MB per file.</p>
      </div>
      {formError && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {formError}
        </p>
      )}
      {items.length > 0 && (
        <ul className="mt-3 space-y-2" data-testid="upload-queue">
          {items.map((item) => (
            <UploadRow
              key={item.id}
              item={item}
              onCancel={() => cancel(item.id)}
              onRetry={() => void upload(item.id, item.file, item.category)}
              onDismiss={() => setItems((current) => current.filter((i) => i.id !== item.id))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
