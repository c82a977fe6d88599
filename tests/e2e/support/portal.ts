import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { Client } from "pg";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/db/seed/demo-people";
import { totpCodeFor } from "@/lib/two-factor/totp-code";
import { E2E_DATABASE_URL_FILE } from "./paths";

/**
 * Signs a demo user in. When the portal asks for the second factor (the demo admin and the demo
 * specialists are enrolled with the public demo key, db/seed/demo-people.ts), it types the code
 * an authenticator app would show — or `totpSecret`'s, for a user a spec enrolled itself.
 */
export async function signIn(
  page: Page,
  email: string,
  options: { password?: string; totpSecret?: string } = {},
) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Each persona's home: referrers `/`, specialists `/specialist`, admins the operations view.
  const home = /^https?:\/\/[^/]+\/(specialist|admin)?$/;
  const codeField = page.getByLabel("Authenticator code");
  // Whichever comes first: the second step's field, or home (a user without two-factor). The
  // loser is left to time out quietly; the last expectation says what went wrong.
  const askedForCode = await Promise.race([
    codeField.waitFor({ state: "visible" }).then(
      () => true,
      () => false,
    ),
    page.waitForURL(home).then(
      () => false,
      () => false,
    ),
  ]);
  if (askedForCode) {
    await codeField.fill(totpCodeFor(options.totpSecret ?? DEMO_TOTP_SECRET));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page).toHaveURL(home);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/**
 * The bookings table's rows (desktop width). The rows carry no test ids: a page is 25 of them,
 * and every attribute is work for the server's render (issue 14).
 */
export const bookingRows = (page: Page) => page.getByTestId("bookings-table").locator("tbody > tr");

/** The organizations and examinees of the bookings table, as the user sees them. */
export async function visibleBookings(page: Page) {
  // Every booking the user may see, not only the default Upcoming view.
  await page.goto("/bookings?view=all");
  const table = page.getByTestId("bookings-table");
  await expect(table).toBeVisible();
  // The Organization column's first line (its second is the team).
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const column = headers.findIndex((header) => /organization/i.test(header)) + 1;
  expect(column).toBeGreaterThan(0);
  const cells = await bookingRows(page).locator(`td:nth-child(${column})`).allInnerTexts();
  const organizations = cells.map((cell) => cell.split("\n")[0]!.trim());
  const examinees = await bookingRows(page).locator("td:first-child").allInnerTexts();
  return { organizations: [...new Set(organizations)], examinees };
}

/** Reads what the portal stored, straight from its database. */
export async function queryPortalDatabase<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: fs.readFileSync(E2E_DATABASE_URL_FILE, "utf8") });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
