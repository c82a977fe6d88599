/**
 * The homes (issue 15) in the browser against the production build: a referrer lands on their
 * home, sees a report ready and downloads it from there; a specialist moves through their week
 * with the keyboard; the admin's operations view draws both charts and shows their numbers as
 * tables. Each home is scanned with axe and photographed at 1280 and 390 wide, and on a phone
 * the page never scrolls sideways.
 */
import { scanAtBothWidths } from "./support/accessibility";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";
import { expect, test, type Page } from "./support/test";
import { insertTodaysExamination, REFERRER, SPECIALIST } from "./support/todays-examination";

test.setTimeout(6 * 60_000);

/** At phone width the document is no wider than the screen (tables scroll inside their own box). */
async function expectNoSidewaysScrollOnPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  // The charts re-measure on their ResizeObserver's next callback: wait for the layout to settle.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
      message: "the page scrolls sideways on a phone",
    })
    .toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a referrer lands on their home, sees the report ready and downloads it there", async ({ page }) => {
  const exam = await insertTodaysExamination();
  // The examination took place and the report is being written.
  await queryPortalDatabase("update bookings set current_progress = 'generating_report' where id = $1", [
    exam.bookingId,
  ]);

  // The specialist uploads the report on the booking page (the browser PUTs it to storage).
  await signIn(page, SPECIALIST.email);
  await expect(page).toHaveURL(/\/specialist$/);
  await page.goto(`/bookings/${exam.bookingId}`);
  const documentsSection = page.getByTestId("documents-section");
  await documentsSection.getByTestId("upload-category").selectOption({ label: "Report" });
  await documentsSection.getByTestId("upload-input").setInputFiles({
    name: "home-report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% IME report for the home\n"),
  });
  await expect(page.getByTestId("documents-group-report").getByTestId("document-name")).toHaveText([
    "home-report.pdf",
  ]);
  await page.reload();
  await page.getByTestId("progress-panel").getByTestId("progress-move-report_generated").click();
  await expect(page.getByTestId("progress-current")).toHaveAttribute("data-stage", "report_generated");
  await signOut(page);

  // The referrer starts on their home, not on a list.
  await signIn(page, REFERRER.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Home", exact: true })).toBeVisible();
  const ready = page.getByTestId("ready-report").filter({ hasText: exam.examineeName });
  await expect(ready).toBeVisible();
  await expect(ready).toContainText("home-report.pdf");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    ready.getByRole("button", { name: "Download home-report.pdf" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("home-report.pdf");

  // Counts by stage lead into the bookings list with that stage's filter.
  const readyCount = page.getByTestId("stage-count-report_generated");
  expect(Number(await readyCount.getAttribute("data-count"))).toBeGreaterThanOrEqual(1);
  await expect(readyCount).toHaveAttribute("href", "/bookings?view=all&progress=report_generated");

  await scanAtBothWidths(page, "home-referrer");
  await expectNoSidewaysScrollOnPhone(page);
});

test("a specialist moves through their week with the keyboard", async ({ page }) => {
  const exam = await insertTodaysExamination();
  await signIn(page, SPECIALIST.email);
  await expect(page).toHaveURL(/\/specialist$/);

  const days = page.getByTestId("agenda-day");
  await expect(days).toHaveCount(7);
  const today = page.locator('[data-testid="agenda-day"][data-today="true"]');
  await expect(today).toContainText("Today —");
  await expect(today.getByTestId("agenda-item").filter({ hasText: exam.examineeName })).toBeVisible();
  const todayKey = (await today.getAttribute("data-day"))!;
  const dayKeys = await days.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute("data-day")!),
  );
  const todayIndex = dayKeys.indexOf(todayKey);

  // Tab from the week's navigation goes into the week (its first examination or today's column).
  await page.getByTestId("week-next").focus();
  await page.keyboard.press("Tab");
  expect(
    await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="week-grid"]'))),
  ).toBe(true);
  // Today's column is the week's one Tab stop among the days.
  await expect(today).toHaveAttribute("tabindex", "0");
  await today.focus();
  await expect(today).toBeFocused();

  // ↓ enters the day's examinations, ↑ goes back to the day.
  await page.keyboard.press("ArrowDown");
  await expect(today.getByTestId("examinee").first()).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(today).toBeFocused();

  // Home / End go to Monday / Sunday; → and ← move a day at a time.
  await page.keyboard.press("Home");
  await expect(days.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(days.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(days.nth(6)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(days.nth(5)).toBeFocused();
  // The roving Tab stop follows: Shift+Tab then Tab comes back to the same day.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(days.nth(5)).toBeFocused();
  expect(todayIndex).toBeGreaterThanOrEqual(0);

  // Next week and back, by keyboard; the week is in the URL.
  const thisMonday = dayKeys[0]!;
  await page.getByTestId("week-next").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?week=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId("week-heading")).not.toHaveAttribute("data-week", thisMonday);
  await expect(page.locator('[data-testid="agenda-day"][data-today="true"]')).toHaveCount(0);
  await page.getByTestId("week-this").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/specialist$/);
  await expect(page.getByTestId("week-heading")).toHaveAttribute("data-week", thisMonday);

  // The reports owed show their due day, and the home keeps to this specialist's bookings.
  await expect(page.getByTestId("owed-item").filter({ hasText: exam.examineeName })).toContainText("Due");
  const shown = await page
    .locator("[data-booking-id]")
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("data-booking-id")!));
  const owners = await queryPortalDatabase<{ specialist_id: string }>(
    "select distinct specialist_id from bookings where id = any($1)",
    [shown],
  );
  expect(owners).toEqual([{ specialist_id: exam.specialistId }]);

  await scanAtBothWidths(page, "home-specialist");
  await expectNoSidewaysScrollOnPhone(page);
});

test("the admin's operations view draws both charts and gives their numbers as tables", async ({ page }) => {
  // A report marked ready last week, so the turnaround chart has a line whatever the seed holds.
  const exam = await insertTodaysExamination();
  await queryPortalDatabase(
    `update bookings set current_progress = 'report_generated', created_at = now() - interval '30 days',
       appointment_date = now() - interval '9 days' where id = $1`,
    [exam.bookingId],
  );
  await queryPortalDatabase(
    `insert into booking_progress (id, booking_id, progress, changed_by_id, created_at)
     select $1, $2, 'report_generated', s.user_id, now() - interval '2 days' from specialists s where s.id = $3`,
    [`e2e-ready-${exam.bookingId}`, exam.bookingId, exam.specialistId],
  );

  await signIn(page, "admin@ime.test");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link").first()).toHaveText(
    "Operations",
  );

  const weekly = page.getByRole("img", { name: /examinations per week by stage/i });
  await expect(weekly).toBeVisible();
  await expect(weekly.locator("svg .recharts-bar-rectangle").first()).toBeVisible();
  const turnaround = page.getByRole("img", { name: /median days from examination to report/i });
  await expect(turnaround).toBeVisible();
  // A specialist with one month has a dot, not a visible line: the chart's surface is what shows.
  await expect(turnaround.locator("svg.recharts-surface").first()).toBeVisible();

  const weeklyTable = page.getByTestId("table-weekly-stages");
  await weeklyTable.getByText("Show as table").click();
  await expect(weeklyTable.getByRole("table")).toBeVisible();
  await expect(weeklyTable.getByRole("row")).toHaveCount(13); // a heading row and 12 weeks
  const turnaroundTable = page.getByTestId("table-turnaround");
  await turnaroundTable.getByText("Show as table").click();
  await expect(turnaroundTable.getByRole("row").filter({ hasText: SPECIALIST.name })).toBeVisible();

  await expect(page.getByTestId("admin-today")).toBeVisible();
  await expect(page.getByTestId("admin-overdue")).toBeVisible();
  await expect(page.getByTestId("admin-webhooks")).toBeVisible();
  await expect(page.getByTestId("admin-emails")).toBeVisible();

  await scanAtBothWidths(page, "home-admin-operations");
  await expectNoSidewaysScrollOnPhone(page);
});
