/**
 * Documents end to end, in the browser against the local S3 (serve.ts): the referrer uploads
 * a brief and watches its progress bar, the specialist downloads it and uploads a report,
 * the referrer downloads the report. The bytes go browser ⇄ storage; the portal signs.
 * Needs the booking page (/bookings/<id>, issue 4) that renders BookingDocumentsSection.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "./support/test";
import { ARTIFACTS_DIR } from "./support/paths";
import { scanAtBothWidths } from "./support/accessibility";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";

const REFERRER = "owner@northwind.test";
const bookingPath = (bookingId: string) => `/bookings/${bookingId}`;

/** Recognisably different bytes per file, big enough for the progress bar to move. */
function pdfBytes(label: string, size = 3 * 1024 * 1024): Buffer {
  const body = Buffer.alloc(size, label);
  body.write("%PDF-1.7\n", 0);
  return body;
}

async function uploadFile(page: Page, kind: string, file: { name: string; buffer: Buffer }) {
  const section = page.getByTestId("documents-section");
  await section.getByTestId("upload-category").selectOption({ label: kind });
  await section
    .getByTestId("upload-input")
    .setInputFiles({ name: file.name, mimeType: "application/pdf", buffer: file.buffer });
  const row = section.getByTestId("upload-row").filter({ hasText: file.name });
  await expect(row.getByRole("progressbar", { name: `Upload progress of ${file.name}` })).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
}

async function download(page: Page, group: string, fileName: string): Promise<Buffer> {
  const row = page
    .getByTestId(`documents-group-${group}`)
    .getByTestId("document-row")
    .filter({ hasText: fileName });
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: `Download ${fileName}` }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(fileName);
  return readFile((await file.path())!);
}

test("a brief goes from referrer to specialist, and a report back, each access audited", async ({ page }) => {
  const [booking] = await queryPortalDatabase<{ id: string; specialistEmail: string }>(
    `SELECT b.id, u.email AS "specialistEmail"
       FROM bookings b JOIN organizations o ON o.id = b.organization_id
       JOIN specialists s ON s.id = b.specialist_id JOIN users u ON u.id = s.user_id
      WHERE o.name = 'Northwind Insurance' AND b.status = 'active'
      ORDER BY b.appointment_date LIMIT 1`,
  );
  const brief = { name: "Referral brief.pdf", buffer: pdfBytes("brief ") };
  const report = { name: "IME report.pdf", buffer: pdfBytes("report ") };

  await signIn(page, REFERRER);
  await page.goto(bookingPath(booking!.id));
  await expect(page.getByTestId("documents-group-dictation")).toHaveCount(0);
  await uploadFile(page, "Brief", brief);
  await expect(page.getByTestId("documents-group-brief").getByTestId("document-name")).toHaveText([
    brief.name,
  ]);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "documents-brief-uploaded.png"), fullPage: true });
  await signOut(page);

  await signIn(page, booking!.specialistEmail);
  await page.goto(bookingPath(booking!.id));
  expect((await download(page, "brief", brief.name)).equals(brief.buffer)).toBe(true);
  await uploadFile(page, "Report", report);
  await expect(page.getByTestId("documents-group-report").getByTestId("document-name")).toHaveText([
    report.name,
  ]);
  await signOut(page);

  await signIn(page, REFERRER);
  await page.goto(bookingPath(booking!.id));
  expect((await download(page, "report", report.name)).equals(report.buffer)).toBe(true);

  const trail = await queryPortalDatabase<{ action: string; email: string; fileName: string }>(
    `SELECT a.action, u.email, a.metadata->>'fileName' AS "fileName"
       FROM audit_logs a JOIN users u ON u.id = a.user_id
      WHERE a.action IN ('document.uploaded', 'document.downloaded') AND a.metadata->>'bookingId' = $1
      ORDER BY a.timestamp`,
    [booking!.id],
  );
  expect(trail).toEqual([
    { action: "document.uploaded", email: REFERRER, fileName: brief.name },
    { action: "document.downloaded", email: booking!.specialistEmail, fileName: brief.name },
    { action: "document.uploaded", email: booking!.specialistEmail, fileName: report.name },
    { action: "document.downloaded", email: REFERRER, fileName: report.name },
  ]);
});

test("a referrer is told plainly that an .exe can't be a brief", async ({ page }) => {
  const [booking] = await queryPortalDatabase<{ id: string }>(
    `SELECT b.id FROM bookings b JOIN organizations o ON o.id = b.organization_id WHERE o.name = 'Northwind Insurance' LIMIT 1`,
  );
  await signIn(page, REFERRER);
  await page.goto(bookingPath(booking!.id));
  const section = page.getByTestId("documents-section");
  await section.getByTestId("upload-category").selectOption({ label: "Brief" });
  await section
    .getByTestId("upload-input")
    .setInputFiles({ name: "brief.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
  const row = section.getByTestId("upload-row").filter({ hasText: "brief.exe" });
  await expect(row).toHaveAttribute("data-status", "failed");
  await expect(row.getByRole("alert")).toHaveText("Briefs must be PDF or Word documents.");
});

test("a Windows program renamed brief.pdf reaches storage, is read at confirm and refused, with no Retry", async ({
  page,
}) => {
  const [booking] = await queryPortalDatabase<{ id: string }>(
    `SELECT b.id FROM bookings b JOIN organizations o ON o.id = b.organization_id WHERE o.name = 'Northwind Insurance' LIMIT 1`,
  );
  await signIn(page, REFERRER);
  await page.goto(bookingPath(booking!.id));
  const section = page.getByTestId("documents-section");
  await section.getByTestId("upload-category").selectOption({ label: "Brief" });
  // The DOS header of a real Windows program, named and typed as a PDF: it passes the name check.
  // A name of its own: the first test's brief.pdf may already be on this booking.
  const name = `program-${Date.now()}.pdf`;
  const program = Buffer.alloc(4096);
  program.write("MZ", 0, "latin1");
  program.write("This program cannot be run in DOS mode.", 0x4e, "latin1");
  await section
    .getByTestId("upload-input")
    .setInputFiles({ name, mimeType: "application/pdf", buffer: program });
  const row = section.getByTestId("upload-row").filter({ hasText: name });
  await expect(row).toHaveAttribute("data-status", "refused", { timeout: 60_000 });
  await expect(row.getByRole("alert")).toHaveText(
    "This file is a Windows program, not a PDF — it was deleted and not added to the booking.",
  );
  await expect(row.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect(page.getByTestId("document-row").filter({ hasText: name })).toHaveCount(0);

  await row.scrollIntoViewIfNeeded();
  await scanAtBothWidths(page, "documents-refused", {
    include: '[data-testid="documents-section"]',
    fullPage: false,
  });
});
