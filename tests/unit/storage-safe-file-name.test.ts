import { describe, expect, it } from "vitest";
import { attachmentContentDisposition, safeFileName } from "@/lib/storage/safe-file-name";

describe("safe file names", () => {
  it("keeps only the last path segment", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\clerk\\Desktop\\brief.pdf")).toBe("brief.pdf");
  });

  it("removes control characters, quotes and direction overrides", () => {
    expect(safeFileName('re"port\r\n.pdf')).toBe("report.pdf");
    expect(safeFileName("it's `fine`.pdf")).toBe("its fine.pdf");
    // Would display as "reportexe.pdf" while being an .exe
    expect(safeFileName("report\u202Efdp.exe")).toBe("reportfdp.exe");
  });

  it("never yields a hidden or empty name", () => {
    expect(safeFileName("..")).toBe("document");
    expect(safeFileName(".bashrc")).toBe("bashrc");
    expect(safeFileName("   ")).toBe("document");
    expect(safeFileName("folder/")).toBe("document");
  });

  it("shortens very long names but keeps the extension", () => {
    const name = safeFileName(`${"a".repeat(400)}.docx`);
    expect(name.length).toBeLessThanOrEqual(180);
    expect(name.endsWith(".docx")).toBe(true);
  });

  it("keeps accented names readable for browsers that understand filename*", () => {
    expect(attachmentContentDisposition("Zoë Müller – report.pdf")).toBe(
      `attachment; filename="Zo_ M_ller _ report.pdf"; filename*=UTF-8''Zo%C3%AB%20M%C3%BCller%20%E2%80%93%20report.pdf`,
    );
    expect(attachmentContentDisposition("a(1)'s.pdf")).toBe(
      `attachment; filename="a(1)s.pdf"; filename*=UTF-8''a%281%29s.pdf`,
    );
  });
});
