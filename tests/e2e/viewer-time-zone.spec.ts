import { expect, test } from "./support/test";
import { twoClocks } from "@/lib/time/two-clocks";
import { signIn } from "./support/portal";

const SYDNEY = "Australia/Sydney";
const NEW_YORK = "America/New_York";

// The viewer sits in Sydney; Dr. Amelia Hart's calendar is in New York, a day behind in the morning.
test.use({ timezoneId: SYDNEY });

/** What the time display rule writes under a New York time for a Sydney viewer. */
const sydneyLine = (iso: string) => twoClocks(new Date(iso), NEW_YORK, SYDNEY, "none").secondary;

test("a Sydney viewer sees each New York time with Sydney's own date, zones by name, and First available on one clock", async ({
  page,
}) => {
  await signIn(page, "owner@northwind.test");

  // Free-time buttons: the specialist's time, and the viewer's with its own date when that is another day.
  await page.goto("/specialists?specialty=Orthopaedic+Surgery");
  await page
    .getByTestId("specialist-card")
    .filter({ hasText: "Dr. Amelia Hart" })
    .getByRole("link", { name: "Choose a time" })
    .click();
  const buttons = page.getByRole("list", { name: "Free times" }).getByRole("button");
  await expect(buttons.first()).toBeVisible();
  for (const button of await buttons.all()) {
    const iso = (await button.locator("time").getAttribute("datetime"))!;
    await expect(button.getByTestId("viewer-time")).toHaveText(`${sydneyLine(iso)} your time`);
  }
  await buttons.first().click();
  const chosen = page.getByTestId("chosen-time");
  const chosenIso = (await chosen.locator("time").getAttribute("datetime"))!;
  await expect(chosen.getByTestId("viewer-time")).toHaveText(`${sydneyLine(chosenIso)} your time`);
  await expect(chosen).toContainText(/(EST|EDT)/);
  await expect(page.locator("main")).not.toContainText(/GMT[+-]/);

  // First available: one clock (the viewer's), grouped by the viewer's days, in visible order.
  await page.goto("/specialists?fa_specialty=Orthopaedic+Surgery&fa_type=in_person");
  const slots = page.getByTestId("first-available-slot");
  await expect(slots.first()).toBeVisible();
  const instants = await slots
    .locator("time")
    .evaluateAll((times) => times.map((t) => t.getAttribute("datetime")!));
  expect(instants).toEqual([...instants].sort());
  for (const day of await page.getByTestId("first-available-day").all()) {
    const heading = await day.getByRole("heading").innerText();
    for (const iso of await day
      .locator("time")
      .evaluateAll((times) => times.map((t) => t.getAttribute("datetime")!))) {
      expect(
        new Date(iso).toLocaleDateString("en-US", {
          timeZone: SYDNEY,
          weekday: "long",
          month: "long",
          day: "numeric",
          year: "numeric",
        }),
      ).toBe(heading);
    }
  }
  await expect(slots.first()).toContainText(/AEDT|AEST/);
});
