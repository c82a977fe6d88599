/**
 * Which files each document category accepts, checked before an upload URL is signed.
 * The signed URL then binds the content type and size, so what was checked is what lands.
 */
import type { DocumentCategory } from "@/db/schema/enums";

export const MAX_UPLOAD_BYTES = 524_288_000; // 500 MB, the seed's CHECK constraint
export const MIN_UPLOAD_BYTES = 1;

const PDF = { "application/pdf": ["pdf"] };
const WORD = {
  "application/msword": ["doc"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
};
const IMAGES = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/heic": ["heic"],
  "image/heif": ["heif", "heic"],
  "image/webp": ["webp"],
  "image/tiff": ["tif", "tiff"],
};
const AUDIO = {
  "audio/mpeg": ["mp3"],
  "audio/mp4": ["m4a", "mp4"],
  "audio/x-m4a": ["m4a"], // Safari and macOS name .m4a this way
  "audio/wav": ["wav"],
  "audio/x-wav": ["wav"],
  "audio/wave": ["wav"],
  "audio/ogg": ["ogg", "oga", "opus"],
  "audio/webm": ["webm"],
  "audio/aac": ["aac"],
  "audio/flac": ["flac"],
  "audio/x-flac": ["flac"],
};
const SHEETS_AND_TEXT = {
  "text/plain": ["txt"],
  "text/csv": ["csv"],
  // Windows browsers report .csv as Excel when Excel is installed.
  "application/vnd.ms-excel": ["xls", "csv"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
};

type MimeTable = Record<string, string[]>;

const POLICY: Record<DocumentCategory, { types: MimeTable; refusal: string }> = {
  brief: { types: { ...PDF, ...WORD }, refusal: "Briefs must be PDF or Word documents" },
  report: { types: { ...PDF, ...WORD }, refusal: "Reports must be PDF or Word documents" },
  consent_form: {
    types: { ...PDF, ...IMAGES },
    refusal: "Consent forms must be PDF files or images (JPEG, PNG, HEIC, WebP or TIFF)",
  },
  dictation: {
    types: AUDIO,
    refusal: "Dictations must be audio files (MP3, M4A, WAV, OGG, WebM, AAC or FLAC)",
  },
  other: {
    types: { ...PDF, ...WORD, ...IMAGES, ...AUDIO, ...SHEETS_AND_TEXT },
    refusal: "This type of file can't be uploaded. Use PDF, Word, Excel, CSV, text, image or audio files",
  },
};

/** Content types a category accepts, e.g. for an <input accept="...">. */
export const acceptedMimeTypes = (category: DocumentCategory): string[] =>
  Object.keys(POLICY[category].types);

/** `type/subtype` without parameters, lower-cased: "Application/PDF; x=y" → "application/pdf". */
const normalizeMime = (mimeType: string) => mimeType.split(";")[0]!.trim().toLowerCase();

const extensionOf = (fileName: string) => {
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : null;
};

export interface UploadCandidate {
  category: DocumentCategory;
  /** As the browser reported it; may be "" for types it does not know (HEIC on Windows). */
  mimeType: string;
  size: number;
  fileName: string;
}

export type UploadCheck = { ok: true; contentType: string } | { ok: false; errors: string[] };

/** The content type to store: the reported one, or — when the browser gave none — the extension's. */
function effectiveContentType(types: MimeTable, mimeType: string, extension: string | null): string | null {
  const reported = normalizeMime(mimeType);
  if (reported !== "" && reported !== "application/octet-stream") return reported;
  if (!extension) return null;
  return Object.keys(types).find((type) => types[type]!.includes(extension)) ?? null;
}

/**
 * Checks a file against its category's allow-list and the size limits. Errors are meant
 * for the person uploading, in plain words. On success, `contentType` is what to sign.
 */
export function checkUpload(candidate: UploadCandidate): UploadCheck {
  const { types, refusal } = POLICY[candidate.category];
  const errors: string[] = [];
  const extension = extensionOf(candidate.fileName);
  const contentType = effectiveContentType(types, candidate.mimeType, extension);
  const allowedExtensions = contentType ? types[contentType] : undefined;
  // The extension must fit the type too, so "invoice.exe" can't pass as a PDF.
  if (!allowedExtensions || (extension !== null && !allowedExtensions.includes(extension)))
    errors.push(refusal);

  if (!Number.isSafeInteger(candidate.size) || candidate.size < MIN_UPLOAD_BYTES)
    errors.push("This file is empty");
  else if (candidate.size > MAX_UPLOAD_BYTES) errors.push("Files can be at most 500 MB");

  return errors.length || !contentType ? { ok: false, errors } : { ok: true, contentType };
}
