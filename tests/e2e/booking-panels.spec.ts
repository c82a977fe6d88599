/**
 * The booking page's panels that load when they are opened (issue 14: first-load JavaScript) —
 * cancel, the referral details' edit form, an administrator's stage correction and waive form:
 * each still arrives, takes focus where it did, and does its work.
 */
import { expect, test } from "./support/test";
import { scanAtBothWidths } from "./support/accessibility";
import { startBrennanBooking } from "./support/booking-form";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";

const EXAMINEE = "Casey Panel-Loader";

test("cancel opens on demand with focus on its heading, Escape gives focus back, a reason is required, then it cancels; an admin's correction and waive forms arrive", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, "motor@northwind.test");

  await startBrennanBooking(page, EXAMINEE, "(212) 555-0123");
  await page.getByRole("button", { name: "Book examination" }).click();
  await expect(page).toHaveURL(/\/bookings\/[a-z0-9]+\?booked=1$/);
  const bookingPath = new URL(page.url()).pathname;

  // Opened: the panel's heading has focus as it arrives; Escape closes it onto its button.
  const cancelButton = page.getByRole("button", { name: "Cancel booking" });
  await cancelButton.click();
  const panel = page.getByTestId("cancel-panel");
  await expect(panel.getByRole("heading", { name: "Cancel this examination?" })).toBeFocused();
  await scanAtBothWidths(page, "booking-cancel-panel");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(cancelButton).toBeFocused();

  // No reason: refused at the reason, which takes focus; with one, cancelled.
  await cancelButton.click();
  await panel.getByRole("button", { name: "Cancel the examination" }).click();
  const reason = panel.getByLabel("Reason (required)");
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await reason.fill("The examinee moved abroad");
  await panel.getByRole("button", { name: "Cancel the examination" }).click();
  await expect(page.getByTestId("booking-progress")).toHaveText("Cancelled");
  await expect(page.locator("main h1")).toBeFocused();

  // An administrator: the stage correction arrives on the booking page and says what it needs.
  await signOut(page);
  await signIn(page, "admin@ime.test");
  await page.goto(bookingPath);
  const correction = page.getByTestId("progress-correct");
  await expect(correction).toBeVisible();
  await scanAtBothWidths(page, "booking-admin-correction");
  await correction.getByLabel("Correct stage to").selectOption({ index: 1 });
  await correction.getByRole("button", { name: "Correct stage" }).click();
  await expect(page.getByTestId("progress-error")).toHaveText("A correction needs a note saying why.");

  // And on a booking with an open charge, the waive form with its reason field.
  const [open] = await queryPortalDatabase<{ booking_id: string; kind: string }>(
    `SELECT booking_id, kind FROM charges WHERE waived_at IS NULL ORDER BY occurred_at LIMIT 1`,
  );
  expect(open, "the demo data has an open charge").toBeTruthy();
  await page.goto(`/bookings/${open!.booking_id}`);
  const waive = page.getByTestId(`waive-${open!.kind}`).first();
  await expect(waive.getByRole("button", { name: "Waive" })).toBeVisible();
  await expect(waive.getByLabel("Reason for waiving")).toBeVisible();
});
