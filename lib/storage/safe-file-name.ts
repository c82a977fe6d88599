/**
 * File names come from users' machines and end up in a Content-Disposition header and on
 * someone else's disk. Keys never use them (see keys.ts); this only makes them harmless.
 */

const FALLBACK_NAME = "document";
const MAX_LENGTH = 180;
// C0/C1 controls, and bidi overrides that make "report\u202Efdp.exe" display as "reportexe.pdf".
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Last path segment only, without control characters, quotes or leading dots; never empty. */
export function safeFileName(input: string): string {
  const lastSegment = input.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = lastSegment
    .replace(INVISIBLE_OR_CONTROL, "")
    .replace(/["'`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .trim();
  if (name.length > MAX_LENGTH) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = name.slice(0, MAX_LENGTH - extension.length).trimEnd() + extension;
  }
  return name || FALLBACK_NAME;
}

/** RFC 5987 value: percent-encoded UTF-8 with only attr-chars left bare. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment; filename="<ascii>"; filename*=UTF-8''<encoded>` — the ASCII form for old
 * clients (non-ASCII replaced by "_"), the encoded form so modern browsers keep "Müller.pdf".
 */
export function attachmentContentDisposition(fileName: string): string {
  const safe = safeFileName(fileName);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
