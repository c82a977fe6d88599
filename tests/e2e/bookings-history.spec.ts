import { expect, test } from "./support/test";
import { bookingRows, signIn } from "./support/portal";

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

test("the pager goes a page at a time, a new page size starts from the top row, a header flips the order", async ({
  page,
}) => {
  await signIn(page, "owner@northwind.test");
  await page.goto("/bookings?view=all&size=10");
  const range = page.getByTestId("booking-range");
  await expect(range).toHaveText(/^1–10 of /);
  const total = Number(/of ([\d,]+)/.exec((await range.textContent()) ?? "")?.[1]?.replace(/,/g, ""));
  // The demo gives Northwind more than a page of ten; specs before this one book more for it, so
  // the second page may or may not be the last — it holds at most one page of 25 either way.
  expect(total, "Northwind has more than one page of ten").toBeGreaterThan(10);
  expect(total, "Northwind fits one page of 25").toBeLessThanOrEqual(25);
  const secondPageEnd = Math.min(total, 20);
  // The pager's buttons are the browser's part of a table rendered on the server: wait for React.
  await page.waitForFunction(() => {
    const select = document.querySelector("nav[aria-label=Pages] select");
    return select !== null && Object.keys(select).some((key) => key.startsWith("__reactProps"));
  });
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager.getByRole("button", { name: "Previous" })).toBeDisabled();

  await pager.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(range).toHaveText(`11–${secondPageEnd} of ${total} bookings`);
  const next = pager.getByRole("button", { name: "Next" });
  await (total > 20 ? expect(next).toBeEnabled() : expect(next).toBeDisabled());
  // Row 11 was on top: with 25 a page it is on the first page, which the URL says by saying nothing.
  await pager.getByLabel("Rows").selectOption("25");
  await expect(page).toHaveURL(/[?&]size=25(&|$)/);
  await expect(page).not.toHaveURL(/page=/);
  await expect(range).toHaveText(`1–${total} of ${total} bookings`);
  await page.goBack();
  await expect(range).toHaveText(`11–${secondPageEnd} of ${total} bookings`);
  await pager.getByRole("button", { name: "Previous" }).click();
  await expect(range).toHaveText(/^1–10 of /);
  await expect(page).not.toHaveURL(/page=/);

  // A header sorts A→Z first, then Z→A, back on the first page each time.
  await pager.getByRole("button", { name: "Next" }).click();
  await expect(range).toHaveText(/^11–/);
  const table = page.getByTestId("bookings-table");
  const examinee = table.getByRole("columnheader", { name: /Examinee/ });
  await examinee.getByRole("button").click();
  await expect(examinee).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL(/sort=examineeName\.asc/);
  await expect(range).toHaveText(/^1–10 of /);
  // The examinee's name is the row's first link.
  const firstName = () => bookingRows(page).first().getByRole("link").first();
  const firstAscending = await firstName().textContent();
  await examinee.getByRole("button").click();
  await expect(examinee).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=examineeName\.desc/);
  await expect(firstName()).not.toHaveText(firstAscending ?? "");
});
