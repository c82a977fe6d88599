/**
 * Is a stored file what its upload claimed? The browser's content type and the file name's
 * extension are whatever the sender says; the first bytes are what the file is. At confirm
 * the portal reads them with a ranged GET and asks `file-type` (magic numbers, and for ZIP
 * based formats the archive's entries) — so a Windows program renamed `brief.pdf`, or a ZIP
 * renamed `.docx`, is refused instead of handed to a specialist.
 */
import { fileTypeFromBuffer } from "file-type";
import { getStorage, type Storage } from "./client";
import { readObjectRange } from "./read-object-range";
import { zipEntryNames } from "./zip-entry-names";

/**
 * Bytes read from the start. `file-type` needs a few hundred for most formats; a DOCX from Word
 * names its type in `[Content_Types].xml`, its first entry (≈ 500 bytes in). An MP3 whose ID3
 * tag (cover art) runs past the sample is taken as MP3 from the tag header alone. 64 KiB is
 * one small GET, whatever the file's size.
 */
export const CONTENT_SAMPLE_BYTES = 64 * 1024;
/** Bytes read from the end of a ZIP to list its entries (the central directory of an Office file is a few KB). */
export const ZIP_TAIL_BYTES = 64 * 1024;

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ZIP = "application/zip";
/** OLE compound files: the old .doc and .xls. */
const CFB = "application/x-cfb";
/** Formats with no magic number (plain text, CSV): accepted when nothing is detected and no NUL byte appears. */
const TEXT = "text";

const HEIF = ["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"];
// Voice memos are brand "M4A "; Android recorders write the same container as "isom"/"mp42".
const MP4_AUDIO = ["audio/x-m4a", "audio/mp4", "video/mp4"];
const WAV = ["audio/wav"];
const FLAC = ["audio/flac"];

/** For each content type the upload policy (mime-policy.ts) accepts: what its bytes may be detected as. */
const DETECTED_AS: Record<string, readonly string[]> = {
  "application/pdf": ["application/pdf"],
  "application/msword": [CFB],
  [DOCX]: [DOCX],
  "image/jpeg": ["image/jpeg"],
  "image/png": ["image/png", "image/apng"],
  "image/heic": HEIF,
  "image/heif": HEIF,
  "image/webp": ["image/webp"],
  "image/tiff": ["image/tiff"],
  "audio/mpeg": ["audio/mpeg"],
  "audio/mp4": MP4_AUDIO,
  "audio/x-m4a": MP4_AUDIO,
  "audio/wav": WAV,
  "audio/x-wav": WAV,
  "audio/wave": WAV,
  "audio/ogg": ["audio/ogg"],
  "audio/webm": ["video/webm", "audio/webm"],
  "audio/aac": ["audio/aac"],
  "audio/flac": FLAC,
  "audio/x-flac": FLAC,
  "text/plain": [TEXT],
  "text/csv": [TEXT],
  // Windows reports .csv as Excel when Excel is installed: an old .xls or text.
  "application/vnd.ms-excel": [CFB, TEXT],
  [XLSX]: [XLSX],
};

/** What the person was sending, in words: "not a PDF". */
const CLAIMED: Record<string, string> = {
  "application/pdf": "a PDF",
  "application/msword": "a Word document",
  [DOCX]: "a Word document",
  "application/vnd.ms-excel": "an Excel or CSV file",
  [XLSX]: "an Excel spreadsheet",
  "text/plain": "a text file",
  "text/csv": "a CSV file",
};
const claimedWords = (mime: string) =>
  CLAIMED[mime] ??
  (mime.startsWith("image/")
    ? "the image it claims to be"
    : mime.startsWith("audio/")
      ? "an audio recording"
      : "the type it claims");

/** What the bytes turned out to be, in words: "a Windows program". */
const DETECTED_WORDS: Record<string, string> = {
  exe: "a Windows program",
  dll: "a Windows program",
  elf: "a Linux program",
  macho: "a macOS program",
  msi: "a Windows installer",
  apk: "an Android app",
  jar: "a Java program",
  zip: "a ZIP archive",
  rar: "a RAR archive",
  "7z": "a 7-Zip archive",
  gz: "a compressed archive",
  cfb: "an old Office or other compound file",
};
const detectedWords = (ext: string, mime: string) =>
  DETECTED_WORDS[ext] ??
  (mime.startsWith("image/")
    ? `a ${ext.toUpperCase()} image`
    : mime.startsWith("audio/") || mime.startsWith("video/")
      ? `a ${ext.toUpperCase()} media file`
      : `a ${ext.toUpperCase()} file`);

const normalizeMime = (mime: string) => mime.split(";")[0]!.trim().toLowerCase();

export type ContentVerdict =
  | { ok: true; detected: string }
  /** `detected` is file-type's extension ("exe", "zip"), "binary" or "unknown"; `reason` is one sentence. */
  | { ok: false; detected: string; reason: string };

export interface ContentSample {
  /** The file's first bytes (up to CONTENT_SAMPLE_BYTES). */
  head: Uint8Array;
  /** The entry names of a ZIP, read from its end — only asked for when the head says ZIP. */
  zipEntries?: () => Promise<string[] | null>;
}

/** OOXML by its entries: `[Content_Types].xml` plus Word's `word/` or Excel's `xl/` folder. */
function officeTypeOf(names: string[]): string | null {
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.some((name) => name.startsWith("word/"))) return DOCX;
  if (names.some((name) => name.startsWith("xl/"))) return XLSX;
  return null;
}

/** The verdict on a sample of a file whose upload claimed `declaredMimeType`. */
export async function judgeContent(declaredMimeType: string, sample: ContentSample): Promise<ContentVerdict> {
  const claimed = normalizeMime(declaredMimeType);
  const allowed = DETECTED_AS[claimed] ?? [];
  const found = await fileTypeFromBuffer(sample.head);
  let mime = found ? normalizeMime(found.mime) : null;
  let ext = found?.ext ?? null;
  // A ZIP whose first entries did not settle it (a large entry before [Content_Types].xml).
  if (mime === ZIP && (allowed.includes(DOCX) || allowed.includes(XLSX)) && sample.zipEntries) {
    const names = await sample.zipEntries();
    const office = names && officeTypeOf(names);
    if (office) [mime, ext] = [office, office === DOCX ? "docx" : "xlsx"];
  }

  const refuse = (detected: string, what: string): ContentVerdict => ({
    ok: false,
    detected,
    reason: `This file is ${what}, not ${claimedWords(claimed)} — it was deleted and not added to the booking.`,
  });
  if (mime && ext) {
    if (allowed.includes(mime)) return { ok: true, detected: ext };
    return refuse(ext, detectedWords(ext, mime));
  }
  if (!allowed.includes(TEXT))
    return {
      ok: false,
      detected: "unknown",
      reason: `This file is not ${claimedWords(claimed)} inside, whatever its name says — it was deleted and not added to the booking.`,
    };
  // Text has no magic number: what no format claims and holds no NUL byte is taken as text.
  // (UTF-16 text has NUL bytes and is refused; save it as UTF-8.)
  if (sample.head.includes(0)) return refuse("binary", "binary data");
  return { ok: true, detected: TEXT };
}

/** Reads the first bytes (and, for a ZIP, the last) of a stored object and judges them. */
export async function checkStoredContent(
  key: string,
  declaredMimeType: string,
  size: number,
  storage: Storage = getStorage(),
): Promise<ContentVerdict> {
  const head = await readObjectRange(
    key,
    { start: 0, end: Math.min(size, CONTENT_SAMPLE_BYTES) - 1 },
    storage,
  );
  return judgeContent(declaredMimeType, {
    head,
    zipEntries: async () => {
      const start = Math.max(0, size - ZIP_TAIL_BYTES);
      return zipEntryNames(await readObjectRange(key, { start, end: size - 1 }, storage), start);
    },
  });
}
