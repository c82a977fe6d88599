import { expect, type Page } from "@playwright/test";

/**
 * The booking form for Dr. Lucas Brennan (telehealth, free every weekday in the demo calendar) with
 * his first free time chosen and the examinee filled in, for the Motor Claims team — where a spec's
 * own story about a booking starts. The caller adds what it is about, then presses "Book examination".
 */
export async function startBrennanBooking(page: Page, examinee: string, phone: string) {
  await page.goto("/bookings/new");
  await page
    .getByRole("listitem")
    .filter({ hasText: "Dr. Lucas Brennan" })
    .getByRole("link", { name: "Book" })
    .click();
  await expect(page.getByRole("heading", { name: "Book Dr. Lucas Brennan" })).toBeVisible();
  const times = page.getByRole("list", { name: "Free times" }).getByRole("button");
  await expect(times.first()).toBeVisible();
  await times.first().click();
  await expect(page.getByTestId("chosen-time")).toContainText("Chosen:");
  await page.getByLabel("Examinee full name").fill(examinee);
  await page.getByLabel("Examinee phone").fill(phone);
  await page.getByLabel("Team").selectOption({ label: "Motor Claims" });
}
