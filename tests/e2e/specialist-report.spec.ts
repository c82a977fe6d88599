/**
 * The specialist's day and the report pipeline, end to end: today's examination on their home
 * page, then (on the booking page) report started → report uploaded → report ready, and the
 * referrer seeing the new stage and downloading the report.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./support/test";
import { ARTIFACTS_DIR } from "./support/paths";
import { bookingRows, queryPortalDatabase, signIn, signOut } from "./support/portal";
import { insertTodaysExamination, REFERRER, SPECIALIST } from "./support/todays-examination";

test("a specialist lands on their examinations: today's, what needs attention and what is owed — only their own", async ({
  page,
}) => {
  const exam = await insertTodaysExamination();
  await signIn(page, SPECIALIST.email);
  await expect(page).toHaveURL(/\/specialist$/);
  await expect(page.getByRole("link", { name: "My examinations" })).toBeVisible();

  const today = page.getByTestId("agenda-day").filter({ hasText: "Today —" });
  const item = today.getByTestId("agenda-item").filter({ hasText: exam.examineeName });
  await expect(item).toBeVisible();
  await expect(item).toContainText("In person");
  await expect(item.getByTestId("brief-flag")).toHaveAttribute("data-present", "true");
  await expect(item.getByTestId("consent-flag")).toHaveAttribute("data-present", "false");
  await expect(item.getByTestId("stage")).toHaveAttribute("data-stage", "scheduled");

  // Its time has passed and nobody confirmed it: flagged, and its report is owed.
  await expect(
    page.getByTestId("attention-item").filter({ hasText: exam.examineeName }).locator("[data-reason]"),
  ).toHaveAttribute("data-reason", "confirm_attendance");
  await expect(page.getByTestId("owed-item").filter({ hasText: exam.examineeName })).toBeVisible();

  // Every booking on the page is this specialist's own.
  const shown = await page
    .locator("[data-booking-id]")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-booking-id")!));
  const owners = await queryPortalDatabase<{ specialist_id: string }>(
    "select distinct specialist_id from bookings where id = any($1)",
    [shown],
  );
  expect(owners).toEqual([{ specialist_id: exam.specialistId }]);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "specialist-home.png"), fullPage: true });
});

test("the specialist starts the report, uploads it and marks it ready; the referrer sees the stage and downloads it", async ({
  page,
}) => {
  const exam = await insertTodaysExamination();
  await signIn(page, SPECIALIST.email);
  // The week's link opens the booking inside the app: the marker set on this document survives.
  await page.evaluate(() => Object.assign(window, { homeDocument: true }));
  await page
    .getByTestId("agenda-item")
    .filter({ hasText: exam.examineeName })
    .getByTestId("examinee")
    .click();
  await expect(page).toHaveURL(new RegExp(`/bookings/${exam.bookingId}$`));
  expect(await page.evaluate(() => "homeDocument" in window)).toBe(true);

  const panel = page.getByTestId("progress-panel");
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "scheduled");
  // A referrer's moves are not offered to the specialist.
  await expect(panel.getByTestId("progress-move-cancelled")).toHaveCount(0);
  await panel.getByTestId("progress-note").fill("Examined at the clinic");
  await panel.getByTestId("progress-move-generating_report").click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "generating_report");
  const started = panel.getByTestId("progress-entry").last();
  await expect(started).toHaveAttribute("data-stage", "generating_report");
  await expect(started.getByTestId("progress-entry-by")).toHaveText(SPECIALIST.name);
  await expect(started.getByTestId("progress-entry-note")).toHaveText("Examined at the clinic");

  // Report ready needs a report first.
  await expect(panel.getByTestId("progress-move-report_generated")).toBeDisabled();
  await expect(panel.getByTestId("progress-move-report_generated-reason")).toContainText(
    "Upload the report first",
  );

  // Upload the report through the documents section, and wait until it is confirmed.
  const documentsSection = page.getByTestId("documents-section");
  await documentsSection.getByTestId("upload-category").selectOption({ label: "Report" });
  await documentsSection.getByTestId("upload-input").setInputFiles({
    name: "ime-report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% IME report\n"),
  });
  await expect(page.getByTestId("documents-group-report").getByTestId("document-name")).toHaveText([
    "ime-report.pdf",
  ]);

  await page.reload();
  await panel.getByTestId("progress-move-report_generated").click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "report_generated");
  await signOut(page);

  await signIn(page, REFERRER.email);
  // The examination was half an hour ago: the bookings list has it under Past (Upcoming is the default).
  await page.goto("/bookings?view=past");
  const row = bookingRows(page).filter({ hasText: exam.examineeName });
  await expect(row).toContainText("Report ready");
  await page.goto(`/bookings/${exam.bookingId}`);
  await expect(page.getByTestId("progress-current")).toHaveAttribute("data-stage", "report_generated");
  await expect(page.getByTestId("progress-entry").last().getByTestId("progress-entry-by")).toHaveText(
    SPECIALIST.name,
  );
  // The referrer may not move the report along.
  await expect(page.getByTestId("progress-move-report_generated")).toHaveCount(0);
  const reportRow = page
    .getByTestId("documents-group-report")
    .getByTestId("document-row")
    .filter({ hasText: "ime-report.pdf" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    reportRow.getByRole("button", { name: "Download ime-report.pdf" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ime-report.pdf");
});
