import { describe, expect, it } from "vitest";
import { checkUpload, MAX_UPLOAD_BYTES } from "@/lib/storage/mime-policy";

const MB = 1024 * 1024;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("upload MIME and size policy", () => {
  it("accepts a PDF or Word brief and says which content type to sign", () => {
    expect(
      checkUpload({ category: "brief", mimeType: "application/pdf", size: 2 * MB, fileName: "Brief.PDF" }),
    ).toEqual({
      ok: true,
      contentType: "application/pdf",
    });
    expect(
      checkUpload({ category: "brief", mimeType: DOCX, size: 40_000, fileName: "brief.docx" }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a program uploaded as a brief, in plain words", () => {
    expect(
      checkUpload({
        category: "brief",
        mimeType: "application/x-msdownload",
        size: 300_000,
        fileName: "setup.exe",
      }),
    ).toEqual({
      ok: false,
      errors: ["Briefs must be PDF or Word documents"],
    });
  });

  it("refuses a program that claims to be a PDF", () => {
    expect(
      checkUpload({
        category: "report",
        mimeType: "application/pdf",
        size: 300_000,
        fileName: "report.pdf.exe",
      }),
    ).toEqual({
      ok: false,
      errors: ["Reports must be PDF or Word documents"],
    });
  });

  it("refuses files over 500 MB and empty files", () => {
    expect(
      checkUpload({ category: "dictation", mimeType: "audio/mpeg", size: 600 * MB, fileName: "long.mp3" }),
    ).toEqual({
      ok: false,
      errors: ["Files can be at most 500 MB"],
    });
    expect(
      checkUpload({ category: "brief", mimeType: "application/pdf", size: 0, fileName: "blank.pdf" }),
    ).toEqual({
      ok: false,
      errors: ["This file is empty"],
    });
  });

  it("accepts exactly 500 MB and refuses one byte more", () => {
    const at = (size: number) =>
      checkUpload({ category: "other", mimeType: "text/csv", size, fileName: "invoices.csv" }).ok;
    expect(at(MAX_UPLOAD_BYTES)).toBe(true);
    expect(at(MAX_UPLOAD_BYTES + 1)).toBe(false);
  });

  it("reports every problem at once", () => {
    const result = checkUpload({
      category: "consent_form",
      mimeType: "video/mp4",
      size: 0,
      fileName: "consent.mp4",
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        "Consent forms must be PDF files or images (JPEG, PNG, HEIC, WebP or TIFF)",
        "This file is empty",
      ],
    });
  });

  it("keeps each category to its own kinds of file", () => {
    const ok = (
      category: Parameters<typeof checkUpload>[0]["category"],
      mimeType: string,
      fileName: string,
    ) => checkUpload({ category, mimeType, size: 1000, fileName }).ok;
    expect(ok("consent_form", "image/heic", "signed.HEIC")).toBe(true);
    expect(ok("consent_form", DOCX, "consent.docx")).toBe(false);
    expect(ok("dictation", "audio/x-m4a", "memo.m4a")).toBe(true);
    expect(ok("dictation", "application/pdf", "memo.pdf")).toBe(false);
    expect(ok("report", "image/png", "scan.png")).toBe(false);
    expect(
      ok("other", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "costs.xlsx"),
    ).toBe(true);
    expect(ok("other", "application/zip", "bundle.zip")).toBe(false);
  });

  it("falls back to the extension when the browser reports no type", () => {
    expect(
      checkUpload({ category: "consent_form", mimeType: "", size: 1000, fileName: "photo.heic" }),
    ).toEqual({
      ok: true,
      contentType: "image/heic",
    });
    expect(
      checkUpload({
        category: "brief",
        mimeType: "application/octet-stream",
        size: 1000,
        fileName: "notes.bin",
      }),
    ).toMatchObject({
      ok: false,
    });
  });
});
