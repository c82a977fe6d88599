"use client";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useId, useRef, useState, type DragEvent } from "react";
import { useAnnounce } from "@/components/ui/live-region";
import type { DocumentCategory } from "@/db/schema/enums";
import type { RunningUpload } from "./upload-one";
import type { UploadItem } from "./upload-row";

// Uploading itself (signing, the transfer with its multipart retries, confirming) and the queue's
// rows load when a kind of document is picked or a file is chosen: most visits to a booking upload
// nothing, and the booking page's first load stays within its budget (issue 14).
const loadUploading = () => import("./upload-one");
const loadUploadRow = () => import("./upload-row");
const UploadRow = lazy(() => loadUploadRow().then((module) => ({ default: module.UploadRow })));
const preloadUploading = () => void Promise.all([loadUploading(), loadUploadRow()]).catch(() => {});

export interface UploadCategoryOption {
  value: DocumentCategory;
  label: string;
  /** For the file picker's `accept`; drag and drop is checked by the server either way. */
  accept: string;
}

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
  const running = useRef(new Map<string, RunningUpload>());
  const fileInput = useRef<HTMLInputElement>(null);

  const update = (id: string, patch: Partial<UploadItem>) =>
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  async function upload(id: string, file: File, chosen: DocumentCategory) {
    const run: RunningUpload = { controller: new AbortController(), pendingUploadId: null };
    running.current.set(id, run);
    update(id, { status: "preparing", sentBytes: 0, error: null, retryable: true });
    try {
      const { uploadOne } = await loadUploading();
      await uploadOne({
        bookingId,
        file,
        category: chosen,
        run,
        update: (patch) => update(id, patch),
        announce,
        refresh: () => router.refresh(),
      });
    } catch {
      // Only the module's own loading can fail here (uploadOne says its failures on the row).
      update(id, {
        status: "failed",
        retryable: true,
        error: "The upload could not start. Check your network and retry.",
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
    if (run) void loadUploading().then(({ cancelUpload }) => cancelUpload(run));
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
              preloadUploading();
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
        onPointerEnter={preloadUploading}
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
          onFocus={preloadUploading}
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
          <Suspense fallback={<li className="text-sm text-slate-600">Preparing…</li>}>
            {items.map((item) => (
              <UploadRow
                key={item.id}
                item={item}
                onCancel={() => cancel(item.id)}
                onRetry={() => void upload(item.id, item.file, item.category)}
                onDismiss={() => setItems((current) => current.filter((i) => i.id !== item.id))}
              />
            ))}
          </Suspense>
        </ul>
      )}
    </div>
  );
}
