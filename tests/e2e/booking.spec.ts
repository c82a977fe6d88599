import path from "node:path";
import { expect, test, type Page } from "./support/test";
import { ARTIFACTS_DIR } from "./support/paths";
import { bookingRows, queryPortalDatabase, signIn, signOut } from "./support/portal";

const EXAMINEE = "Casey Quillfeather";
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage: true });

/** Clicks the first free time the picker offers and returns its label. */
async function pickFirstFreeTime(scope: ReturnType<Page["locator"]> | Page) {
  const times = scope.getByRole("list", { name: "Free times" }).getByRole("button");
  await expect(times.first()).toBeVisible();
  await times.first().click();
}

test("a referrer finds a telehealth specialist, books the first free time, finds it, reschedules and cancels it", async ({
  page,
}) => {
  await signIn(page, "motor@northwind.test");

  // Find a specialist: telehealth, Psychology → Dr. Brennan (telehealth only), with the next free time.
  await page.getByRole("link", { name: "Find a specialist" }).click();
  const finder = page.getByRole("region", { name: "Specialists" });
  await finder.getByLabel("Specialty").selectOption("Psychology");
  await finder.getByLabel("Telehealth available").check();
  await finder.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/telehealth=1/);
  const card = page.getByTestId("specialist-card").filter({ hasText: "Dr. Lucas Brennan" });
  await expect(page.getByTestId("specialist-card")).toHaveCount(1);
  await expect(card).toContainText("Telehealth only");
  await expect(card.getByTestId("next-free-time")).toBeVisible();
  await shot(page, "specialist-finder.png");

  // Pick a time: the month opens on the first free day; take its first time.
  await card.getByRole("link", { name: "Choose a time" }).click();
  await expect(page.getByRole("heading", { name: "Book Dr. Lucas Brennan" })).toBeVisible();
  await expect(page.getByLabel("Telehealth (video)")).toBeChecked();
  await pickFirstFreeTime(page);
  await expect(page.getByTestId("chosen-time")).toContainText("Chosen:");
  await shot(page, "time-picker.png");

  // Book: a phone typed the American way is stored as E.164.
  await page.getByLabel("Examinee full name").fill(EXAMINEE);
  await page.getByLabel("Examinee phone").fill("(212) 555-0199");
  await page.getByLabel("Team").selectOption({ label: "Motor Claims" });
  await page.getByRole("button", { name: "Book examination" }).click();
  await expect(page).toHaveURL(/\/bookings\/[a-z0-9]+\?booked=1$/);
  const bookingUrl = new URL(page.url()).pathname;
  const meetingLink = page.getByTestId("booking-meeting-link");
  await expect(meetingLink).toHaveAttribute("href", /^https:\/\/meet\.example\.test\/ime-\d+$/);
  const meetingHref = (await meetingLink.getAttribute("href"))!;
  const [stored] = await queryPortalDatabase<{
    examinee_phone: string;
    source: string;
    acuity_appointment_id: string;
  }>("SELECT examinee_phone, source, acuity_appointment_id FROM bookings WHERE examinee_name = $1", [
    EXAMINEE,
  ]);
  expect(stored).toMatchObject({ examinee_phone: "+12125550199", source: "portal" });

  // The table: found by name as you type, and by phone digits in another format; meeting link shown.
  await page.goto("/bookings");
  await page.getByPlaceholder("Search name, phone, claim number or reference…").fill("quillfeath");
  await expect(page).toHaveURL(/q=quillfeath/);
  const row = bookingRows(page).filter({ hasText: EXAMINEE });
  await expect(bookingRows(page)).toHaveCount(1);
  await expect(row.getByTestId("meeting-link")).toHaveAttribute("href", meetingHref);
  await shot(page, "bookings-table.png");
  await page.getByPlaceholder("Search name, phone, claim number or reference…").fill("212.555.0199");
  await expect(page).toHaveURL(/q=212\.555\.0199/);
  await expect(bookingRows(page).filter({ hasText: EXAMINEE })).toHaveCount(1);
  // The view survives a reload: the search is in the URL.
  await page.reload();
  await expect(bookingRows(page).filter({ hasText: EXAMINEE })).toHaveCount(1);
  // A stale link to a page past the end says so and leads back, keeping the search.
  await page.goto(`/bookings?q=212.555.0199&page=40`);
  await expect(page.getByTestId("bookings-past-end")).toContainText("past the end of the list");
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(bookingRows(page).filter({ hasText: EXAMINEE })).toHaveCount(1);

  // The row's link opens the booking inside the app (a delegated click, not a page reload: the
  // marker set on this document survives), and is a plain link for a new tab.
  const rowLink = bookingRows(page).filter({ hasText: EXAMINEE }).getByRole("link", { name: EXAMINEE });
  await expect(rowLink).toHaveAttribute("href", bookingUrl);
  await page.evaluate(() => Object.assign(window, { listDocument: true }));
  await rowLink.click();
  await expect(page).toHaveURL(new RegExp(`${bookingUrl}$`));
  expect(await page.evaluate(() => "listDocument" in window)).toBe(true);

  // Reschedule to another free time.
  const before = await page.getByTestId("booking-when").innerText();
  await page.getByRole("button", { name: "Reschedule" }).click();
  const panel = page.getByTestId("reschedule-panel");
  await pickFirstFreeTime(panel);
  await panel.getByRole("button", { name: /^Move to/ }).click();
  await expect(page.getByTestId("booking-progress")).toHaveText("Rescheduled");
  await expect(page.getByTestId("booking-when")).not.toHaveText(before);
  await shot(page, "booking-page.png");

  // Cancel, with a reason.
  await page.getByRole("button", { name: "Cancel booking" }).click();
  await page.getByRole("button", { name: "Cancel the examination" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Say why" })).toBeVisible();
  await page.getByLabel("Reason (required)").fill("Claim settled before the examination");
  await page.getByRole("button", { name: "Cancel the examination" }).click();
  await expect(page.getByTestId("booking-progress")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Reschedule" })).toHaveCount(0);
  const stages = await queryPortalDatabase<{ progress: string }>(
    "SELECT p.progress FROM booking_progress p JOIN bookings b ON b.id = p.booking_id WHERE b.examinee_name = $1 ORDER BY p.created_at",
    [EXAMINEE],
  );
  expect(stages.map((s) => s.progress)).toEqual(["scheduled", "rescheduled", "cancelled"]);

  // Another organization's referrer: the booking's URL is a 404.
  await signOut(page);
  await signIn(page, "owner@harborfinch.test");
  const response = await page.goto(bookingUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Booking not found")).toBeVisible();
});
