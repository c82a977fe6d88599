import { expect, test } from "./support/test";
import { signIn } from "./support/portal";

test("Back on the bookings list undoes filters, sort and a typed search one step at a time", async ({
  page,
}) => {
  await signIn(page, "owner@northwind.test");
  await page.goto("/bookings");
  const table = page.getByTestId("bookings-table");
  await expect(table).toBeVisible();
  const search = page.getByPlaceholder("Search name, phone, claim number or reference…");

  // A choice made before hydration has no listener yet; React marks the nodes it has hydrated.
  await page.waitForFunction(() => {
    const box = document.querySelector("input[type=search]");
    return box !== null && Object.keys(box).some((key) => key.startsWith("__reactProps"));
  });
  await page.getByLabel("Type").selectOption("telehealth");
  await expect(page).toHaveURL(/\?type=telehealth$/);
  await page.getByLabel("Source").selectOption("portal");
  await expect(page).toHaveURL(/\?type=telehealth&source=portal$/);
  await table.getByRole("button", { name: "Specialist" }).click();
  await expect(page).toHaveURL(/sort=specialist\./);
  // Typing is one step however many letters (and debounced searches) it takes.
  await search.pressSequentially("sm", { delay: 400 });
  await expect(page).toHaveURL(/q=sm/);
  await search.pressSequentially("ith", { delay: 400 });
  await expect(page).toHaveURL(/q=smith/);

  await page.goBack();
  await expect(page).toHaveURL(/sort=specialist\./);
  await expect(page).not.toHaveURL(/q=/);
  await expect(search).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(/\?type=telehealth&source=portal$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?type=telehealth$/);
  await expect(page.getByLabel("Source")).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(/\/bookings$/);
  await expect(page.getByLabel("Type")).toHaveValue("");

  // Forward brings the search back into the box.
  for (let i = 0; i < 4; i++) await page.goForward();
  await expect(page).toHaveURL(/q=smith/);
  await expect(search).toHaveValue("smith");
});
