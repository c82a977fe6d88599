import { describe, expect, it } from "vitest";
import { CONTENT_SAMPLE_BYTES, ZIP_TAIL_BYTES, judgeContent } from "@/lib/storage/check-stored-content";
import { zipEntryNames } from "@/lib/storage/zip-entry-names";
import {
  docxFile,
  docxWithContentTypesLast,
  exeFile,
  m4aFile,
  mp3File,
  pdfFile,
  plainZipFile,
  pngFile,
} from "../support/real-file-samples";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** What confirm does: the first CONTENT_SAMPLE_BYTES, and the ZIP's tail only when asked. */
function judge(declared: string, file: Uint8Array) {
  let tailReads = 0;
  const verdict = judgeContent(declared, {
    head: file.subarray(0, CONTENT_SAMPLE_BYTES),
    zipEntries: () => {
      tailReads++;
      const start = Math.max(0, file.length - ZIP_TAIL_BYTES);
      return Promise.resolve(zipEntryNames(file.subarray(start), start));
    },
  });
  return verdict.then((result) => ({ ...result, tailReads }));
}

describe("judging a file's first bytes against the type its upload claimed", () => {
  it.each([
    ["a PDF", "application/pdf", pdfFile(), "pdf"],
    ["a DOCX as Word writes it", DOCX, docxFile(), "docx"],
    ["an MP3 with a small ID3 tag", "audio/mpeg", mp3File(), "mp3"],
    ["an M4A voice memo", "audio/mp4", m4aFile(), "m4a"],
    ["an M4A as Safari names it", "audio/x-m4a", m4aFile(), "m4a"],
    ["a PNG consent form", "image/png", pngFile(), "png"],
    ["plain text", "text/plain", new TextEncoder().encode("Notes from the call.\r\nNext: x-ray.\n"), "text"],
    [
      "a CSV that Windows calls Excel",
      "application/vnd.ms-excel",
      new TextEncoder().encode("a;b\n1;2\n"),
      "text",
    ],
  ])("accepts %s", async (_name, declared, file, detected) => {
    expect(await judge(declared, file)).toMatchObject({ ok: true, detected });
  });

  it("reads a Word file only from its start when [Content_Types].xml comes first", async () => {
    const docx = docxFile();
    // Word's first entry names the type within the first kilobyte.
    expect(await judge(DOCX, docx.subarray(0, 1024))).toMatchObject({ ok: true, detected: "docx" });
    expect((await judge(DOCX, docx)).tailReads).toBe(0);
  });

  it("accepts a LibreOffice-ordered DOCX whose first 64 KiB are a picture, from the archive's index", async () => {
    const verdict = await judge(DOCX, docxWithContentTypesLast(200 * 1024));
    expect(verdict).toMatchObject({ ok: true, detected: "docx", tailReads: 1 });
  });

  it("takes an MP3 whose ID3 tag (cover art) runs past the sample as MP3", async () => {
    const file = mp3File({ tagBytes: 300 * 1024 });
    expect(file.length).toBeGreaterThan(CONTENT_SAMPLE_BYTES);
    expect(await judge("audio/mpeg", file)).toMatchObject({ ok: true, detected: "mp3" });
  });

  it("refuses an ID3 tag followed by no audio", async () => {
    const file = mp3File({ tagBytes: 2048, frames: 0 });
    expect(await judge("audio/mpeg", file)).toMatchObject({ ok: false, detected: "unknown" });
  });

  it.each([
    [
      "a Windows program renamed .pdf",
      "application/pdf",
      exeFile(),
      "exe",
      "This file is a Windows program, not a PDF — it was deleted and not added to the booking.",
    ],
    [
      "a plain ZIP renamed .docx",
      DOCX,
      plainZipFile(),
      "zip",
      "This file is a ZIP archive, not a Word document — it was deleted and not added to the booking.",
    ],
    [
      "a PDF sent as a PNG",
      "image/png",
      pdfFile(),
      "pdf",
      "This file is a PDF file, not the image it claims to be — it was deleted and not added to the booking.",
    ],
    [
      "a DOCX sent as an M4A dictation",
      "audio/mp4",
      docxFile(),
      "docx",
      "This file is a DOCX file, not an audio recording — it was deleted and not added to the booking.",
    ],
    [
      "a Windows program renamed .txt",
      "text/plain",
      exeFile(),
      "exe",
      "This file is a Windows program, not a text file — it was deleted and not added to the booking.",
    ],
  ])("refuses %s, saying what it is", async (_name, declared, file, detected, reason) => {
    expect(await judge(declared, file)).toMatchObject({ ok: false, detected, reason });
  });

  it("refuses bytes no format claims when the type has a magic number", async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(await judge("application/pdf", noise)).toMatchObject({
      ok: false,
      detected: "unknown",
      reason:
        "This file is not a PDF inside, whatever its name says — it was deleted and not added to the booking.",
    });
  });

  it("refuses binary data sent as text (a NUL byte)", async () => {
    const binary = new TextEncoder().encode("looks like text\0then not");
    expect(await judge("text/csv", binary)).toMatchObject({ ok: false, detected: "binary" });
  });
});

describe("listing a ZIP's entries from its last bytes", () => {
  it("names every entry of the archive, in order", () => {
    const zip = docxWithContentTypesLast(10);
    expect(zipEntryNames(zip, 0)).toEqual([
      "_rels/.rels",
      "word/media/image1.jpeg",
      "word/document.xml",
      "[Content_Types].xml",
    ]);
  });

  it("says it cannot tell when the tail does not hold the whole index, or is no ZIP", () => {
    const zip = docxFile();
    const directoryStart =
      zip.length - 22 - 3 * 46 - "[Content_Types].xml_rels/.relsword/document.xml".length;
    expect(zipEntryNames(zip.subarray(directoryStart + 1), directoryStart + 1)).toBeNull();
    expect(zipEntryNames(pdfFile(), 0)).toBeNull();
  });
});
