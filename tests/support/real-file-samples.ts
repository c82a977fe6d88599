/**
 * Small but real files, byte for byte what the formats' own writers produce at their start:
 * the upload type check (lib/storage/check-stored-content.ts) is tested against these, never
 * against made-up magic numbers. The ZIP writer is the format's plain layout (local headers,
 * DEFLATE data, central directory, end record), as Word and LibreOffice write DOCX files.
 */
import { crc32, deflateRawSync, deflateSync } from "node:zlib";

type Bytes = Uint8Array<ArrayBuffer>;
const bytes = (buffer: Buffer): Bytes =>
  new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length);

/** A one-page PDF with its cross-reference table. */
export function pdfFile(text = "IME brief"): Bytes {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    `<< /Length ${text.length + 24} >>\nstream\nBT /F1 12 Tf (${text}) Tj ET\nendstream`,
  ];
  let body = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return bytes(Buffer.from(body, "latin1"));
}

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
  /** DEFLATE (as Office does) unless false: stored. */
  deflate?: boolean;
}

/** A ZIP archive of `entries`, in that order. */
export function zipFile(entries: ZipEntry[]): Bytes {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const raw = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : Buffer.from(entry.data);
    const method = entry.deflate === false ? 0 : 8;
    const stored = method === 8 ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5b21, 12); // date: 2025-09-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    local.copy(central, 6, 4, 30); // version needed … name length
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return bytes(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT = (text: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`;

/** A Word document as Word writes it: `[Content_Types].xml` first. */
export const docxFile = (text = "IME brief") =>
  zipFile([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: RELS },
    { name: "word/document.xml", data: DOCUMENT(text) },
  ]);

/**
 * A Word document as LibreOffice orders it — `[Content_Types].xml` last — with an embedded
 * picture of `pictureBytes` (stored, as JPEGs are) before it, so the first bytes alone do not say.
 */
export const docxWithContentTypesLast = (pictureBytes: number) =>
  zipFile([
    { name: "_rels/.rels", data: RELS },
    { name: "word/media/image1.jpeg", data: new Uint8Array(pictureBytes).fill(0x5a), deflate: false },
    { name: "word/document.xml", data: DOCUMENT("IME brief with a picture") },
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
  ]);

/** A plain ZIP archive (no Office parts), e.g. one renamed to `.docx`. */
export const plainZipFile = () =>
  zipFile([
    { name: "notes.txt", data: "not a Word document" },
    { name: "scan.pdf", data: pdfFile() },
  ]);

/** One MPEG-1 Layer III frame: 128 kbit/s, 44.1 kHz, stereo (417 bytes). */
const mp3Frame = () => {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return frame;
};

/** An MP3 with an ID3v2.4 tag of `tagBytes` (cover art makes it large), then audio frames. */
export function mp3File({ tagBytes = 1024, frames = 4 } = {}): Bytes {
  const header = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]);
  // The tag size is "sync-safe": 7 bits per byte.
  for (let i = 0; i < 4; i++) header[6 + i] = (tagBytes >> (7 * (3 - i))) & 0x7f;
  const tag = Buffer.alloc(tagBytes);
  const title = Buffer.concat([
    Buffer.from("TIT2"),
    Buffer.from([0, 0, 0, 13, 0, 0, 3]),
    Buffer.from("IME dictation"),
  ]);
  title.copy(tag);
  return bytes(Buffer.concat([header, tag, ...Array.from({ length: frames }, mp3Frame)]));
}

/** The ftyp box of an M4A as iPhone Voice Memos writes it, then an empty media box of `mediaBytes`. */
export function m4aFile(mediaBytes = 512): Bytes {
  const ftyp = Buffer.alloc(28);
  ftyp.writeUInt32BE(28, 0);
  ftyp.write("ftypM4A ", 4, "latin1");
  ftyp.writeUInt32BE(0, 12);
  ftyp.write("M4A mp42isom", 16, "latin1");
  const mdat = Buffer.alloc(8 + mediaBytes);
  mdat.writeUInt32BE(8 + mediaBytes, 0);
  mdat.write("mdat", 4, "latin1");
  return bytes(Buffer.concat([ftyp, mdat]));
}

/** A 1×1 PNG: signature, IHDR, IDAT (one white RGBA pixel), IEND — each chunk with its CRC. */
export function pngFile(): Bytes {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return bytes(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(Buffer.from([0, 255, 255, 255, 255]))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** The start of a Windows program: the DOS "MZ" header, its stub message and a PE header. */
export function exeFile(size = 1024): Bytes {
  const exe = Buffer.alloc(size);
  exe.write("MZ", 0, "latin1");
  exe.writeUInt16LE(0x90, 2);
  exe.writeUInt32LE(0x80, 0x3c); // where the PE header starts
  exe.write("This program cannot be run in DOS mode.\r\r\n$", 0x4e, "latin1");
  exe.write("PE\0\0", 0x80, "latin1");
  exe.writeUInt16LE(0x8664, 0x84); // x86-64
  return bytes(exe);
}
