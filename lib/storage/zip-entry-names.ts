/**
 * The entry names of a ZIP file, read from its central directory — the index at the end of
 * the archive — given the archive's last bytes. Office documents (DOCX, XLSX) are ZIP files;
 * their entries say what they are when the first bytes alone do not (LibreOffice, for one,
 * writes `[Content_Types].xml` last). Null when the tail holds no complete central directory
 * (ZIP64, a comment or directory larger than the tail, or not a ZIP at all).
 */
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
const FILE_HEADER_BYTES = 46;

export function zipEntryNames(tail: Uint8Array, tailStartsAt: number): string[] | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let at = tail.length - END_RECORD_BYTES; at >= 0; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entryCount = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64; an Office document never needs it.
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return null;
  let at = directoryOffset - tailStartsAt;
  if (at < 0) return null;

  const decoder = new TextDecoder();
  const names: string[] = [];
  for (let i = 0; i < entryCount; i++) {
    if (at + FILE_HEADER_BYTES > end || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(tail.subarray(at + FILE_HEADER_BYTES, at + FILE_HEADER_BYTES + nameLength)));
    at += FILE_HEADER_BYTES + nameLength + extraLength + commentLength;
  }
  return names;
}
