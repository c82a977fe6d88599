/**
 * A booking made with the keyboard alone (issue 16): from the bookings list to the confirmation,
 * then a reschedule and a brief uploaded — only `page.keyboard` (Tab, Shift+Tab, arrows, Home,
 * End, PageUp/PageDown, Enter, Space, typing), never a click. At each step it asserts where focus
 * is: on the new page's <h1> after a page change, one Tab stop for the month grid and one Tab from
 * the chosen day to the times, inside the Reschedule panel when it opens and back on its button
 * when it closes, on the first invalid field after a refused submit. Results are read out by the
 * page's persistent live region ("Booked.", "Moved to …", "Upload complete"). The file chooser is
 * opened from the focused file input with Space, as a keyboard user does; Playwright hands it the
 * file (`filechooser` + setFiles).
 *
 * Sign-in is typed too (the referrer has no second factor).
 */
import path from "node:path";
import { expect, test, type Page } from "./support/test";
import { scanAtBothWidths } from "./support/accessibility";
import { ARTIFACTS_DIR } from "./support/paths";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";

const EXAMINEE = "Kit Keyboardson";

/** What has focus, described the way the assertions need it. */
const focusedInfo = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      name: (el?.getAttribute("aria-label") ?? el?.textContent ?? "").replace(/\s+/g, " ").trim(),
      testId: el?.dataset.testid ?? null,
      date: el?.dataset.date ?? null,
      type: el?.getAttribute("type") ?? null,
      inName: el?.closest("[data-field]")?.getAttribute("data-field") ?? null,
    };
  });
type Focused = Awaited<ReturnType<typeof focusedInfo>>;

/** Presses Tab (or Shift+Tab) until `wanted` holds for the focused element; fails after `max`. */
async function tabTo(
  page: Page,
  wanted: (f: Focused) => boolean,
  what: string,
  { max = 80, back = false } = {},
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (wanted(await focusedInfo(page))) return i + 1;
  }
  throw new Error(`Tab never reached ${what} (last: ${JSON.stringify(await focusedInfo(page))})`);
}

const liveRegion = (page: Page) => page.getByTestId("live-region");
const focusedDay = (page: Page) => page.locator("[data-date]:focus");

test("a referrer books, reschedules and adds a brief with the keyboard alone", async ({ page }) => {
  test.setTimeout(15 * 60_000);
  await page.goto("/sign-in");
  await tabTo(page, (f) => f.type === "email", "the e-mail field");
  await page.keyboard.type("owner@northwind.test");
  await tabTo(page, (f) => f.type === "password", "the password field");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/\/sign-in/);
  // Start from the bookings list (a fresh load: the page-change focus rule does not apply yet).
  await page.goto("/bookings");

  // The first Tab stop is the skip link; Enter moves focus into <main>.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // From the list to the specialists: the page change puts focus on the new page's heading.
  await tabTo(page, (f) => f.tag === "a" && f.name === "Book an examination", "Book an examination");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/specialists$/);
  await expect(page.locator("main h1")).toBeFocused();

  // The first specialist's "Choose a time" → the booking form, its heading focused.
  await tabTo(page, (f) => f.tag === "a" && f.name === "Choose a time", "a Choose a time link");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/bookings\/new\?/);
  const heading = page.locator("main h1");
  await expect(heading).toHaveText(/^Book /);
  await expect(heading).toBeFocused();

  // The month grid is ONE Tab stop: the chosen (first free) day.
  const grid = page.getByRole("grid");
  await expect(grid.locator("[data-date][tabindex='0']")).toHaveCount(1);
  await expect(page.locator("[aria-busy='false']").filter({ has: grid })).toHaveCount(1);
  await tabTo(page, (f) => f.date !== null, "the month grid");
  const start = (await focusedInfo(page)).date!;
  await expect(focusedDay(page)).toHaveAttribute("tabindex", "0");
  // Weekday headings carry full names; today is marked when this month shows it.
  await expect(grid.getByRole("columnheader", { name: "Monday" })).toBeVisible();

  // PageDown shows the next month, focus on the same day there (clamped in a shorter month).
  const monthLabel = page.getByTestId("picker-month");
  const firstMonth = await monthLabel.innerText();
  await page.keyboard.press("PageDown");
  await expect(monthLabel).not.toHaveText(firstMonth);
  const next = (await focusedInfo(page)).date!;
  expect(next > start).toBe(true);
  expect(Number(next.slice(8))).toBe(Math.min(Number(start.slice(8)), Number(next.slice(8))));

  // There (a month after the first on offer, so nothing is out of reach) arrows move by a day
  // and a week, Home/End to the week's Monday/Sunday — focus follows, still one Tab stop.
  const dayAfter = (date: string, n: number) => {
    const d = new Date(`${date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  await page.keyboard.press("ArrowRight");
  await expect(focusedDay(page)).toHaveAttribute("data-date", dayAfter(next, 1));
  await page.keyboard.press("ArrowLeft");
  await expect(focusedDay(page)).toHaveAttribute("data-date", next);
  await page.keyboard.press("ArrowDown");
  await expect(focusedDay(page)).toHaveAttribute("data-date", dayAfter(next, 7));
  await page.keyboard.press("ArrowUp");
  await expect(focusedDay(page)).toHaveAttribute("data-date", next);
  await page.keyboard.press("End");
  await expect(focusedDay(page)).toHaveAttribute("data-date", /./);
  const sunday = (await focusedInfo(page)).date!;
  expect(new Date(`${sunday}T12:00:00Z`).getUTCDay()).toBe(0);
  await page.keyboard.press("Home");
  await expect(focusedDay(page)).toHaveAttribute("data-date", dayAfter(sunday, -6));
  await expect(grid.locator("[data-date][tabindex='0']")).toHaveCount(1);

  // PageUp back to the first month (Home may already have crossed into it).
  for (let i = 0; i < 3 && (await monthLabel.innerText()) !== firstMonth; i++) {
    await page.keyboard.press("PageUp");
    await expect(focusedDay(page)).toHaveAttribute("data-date", /./);
  }
  await expect(monthLabel).toHaveText(firstMonth);
  // Today, when this month shows it, is the one day marked aria-current="date".
  expect(await grid.locator("[aria-current='date']").count()).toBeLessThanOrEqual(1);

  // Back to the first free day (to its right or left in this month) and choose it with Enter.
  for (let i = 0; i < 40 && (await focusedInfo(page)).date !== start; i++)
    await page.keyboard.press((await focusedInfo(page)).date! < start ? "ArrowRight" : "ArrowLeft");
  await expect(page.locator("[aria-busy='false']").filter({ has: grid })).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(grid.locator(`td[aria-selected='true'] [data-date='${start}']`)).toHaveCount(1);
  await expect(focusedDay(page)).toHaveAttribute("data-date", start);
  const times = page.getByRole("list", { name: "Free times" }).getByRole("button");
  await expect(times.first()).toBeVisible();
  await scanAtBothWidths(page, "keyboard-calendar-day-chosen", { include: "[data-testid='time-picker']" });

  // One Tab from the chosen day reaches the first time; Space chooses it and focus stays on it.
  await page.keyboard.press("Tab");
  await expect(times.first()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(times.first()).toHaveAttribute("aria-pressed", "true");
  await expect(times.first()).toBeFocused();
  await expect(page.getByTestId("chosen-time")).toContainText("Chosen:");

  // A refused submit (no examinee yet) puts focus on the first invalid field.
  await tabTo(page, (f) => f.tag === "button" && f.name === "Book examination", "Book examination");
  await page.keyboard.press("Enter");
  await expect(page.locator("[aria-invalid='true']").first()).toBeVisible();
  await expect(page.getByLabel("Examinee full name")).toBeFocused();

  // Fill the form by typing; the fields after the name are reached with Tab.
  await page.keyboard.type(EXAMINEE);
  await tabTo(page, (f) => f.type === "tel", "Examinee phone");
  await page.keyboard.type("(212) 555-0142");
  await tabTo(page, (f) => f.tag === "button" && f.name === "Book examination", "Book examination");
  await page.keyboard.press("Enter");

  // The confirmation: a new page, focus on its heading, "Booked." read out by the live region.
  await expect(page).toHaveURL(/\/bookings\/[a-z0-9]+\?booked=1$/);
  await expect(page.locator("main h1")).toHaveText(EXAMINEE);
  await expect(page.locator("main h1")).toBeFocused();
  await expect(liveRegion(page)).toContainText("Booked.");
  await scanAtBothWidths(page, "keyboard-booked");

  // Reschedule: the panel takes focus; Escape closes it and focus is back on the button.
  await tabTo(page, (f) => f.tag === "button" && f.name === "Reschedule", "Reschedule");
  await page.keyboard.press("Enter");
  const panel = page.getByTestId("reschedule-panel");
  await expect(panel.getByRole("heading", { name: "Pick the new time" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reschedule" })).toBeFocused();

  // Open it again, pick a day in the grid and a time, and move.
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("heading", { name: "Pick the new time" })).toBeFocused();
  const panelTimes = panel.getByRole("list", { name: "Free times" }).getByRole("button");
  await expect(panelTimes.first()).toBeVisible();
  await tabTo(page, (f) => f.date !== null, "the reschedule month grid");
  await page.keyboard.press("Enter");
  await expect(panelTimes.first()).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(panelTimes.first()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(panelTimes.first()).toBeFocused();
  await scanAtBothWidths(page, "keyboard-reschedule-open");
  await tabTo(page, (f) => f.tag === "button" && f.name.startsWith("Move to"), "Move to …");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("booking-progress")).toHaveText("Rescheduled");
  await expect(liveRegion(page)).toContainText("Moved to");
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reschedule" })).toBeFocused();

  // A brief: the kind by typing into the select, then Space on the (visually hidden) file input.
  await tabTo(page, (f) => f.testId === "upload-category", "Kind of document");
  await page.keyboard.type("Brief");
  await expect(page.getByTestId("upload-category")).toHaveValue(/.+/);
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("upload-input")).toBeFocused();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "keyboard-upload-focus.png") });
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  const body = Buffer.alloc(64 * 1024, "k");
  body.write("%PDF-1.7\n", 0);
  await (await chooser).setFiles({ name: "keyboard-brief.pdf", mimeType: "application/pdf", buffer: body });
  const row = page.getByTestId("upload-row").filter({ hasText: "keyboard-brief.pdf" });
  await expect(row).toHaveAttribute("data-status", "done");
  await expect(liveRegion(page)).toContainText("Upload complete: keyboard-brief.pdf");
});
