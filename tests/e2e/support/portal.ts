import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { Client } from "pg";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { E2E_DATABASE_URL_FILE } from "./paths";

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Specialists start on their examinations, everyone else on bookings.
  await expect(page).toHaveURL(/\/(bookings|specialist)$/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

/** The organizations and examinees of the bookings table, as the user sees them. */
export async function visibleBookings(page: Page) {
  const table = page.getByTestId("bookings-table");
  await expect(table).toBeVisible();
  const organizations = await page.getByTestId("booking-organization").allInnerTexts();
  const examinees = await table.locator("tbody tr td:first-child").allInnerTexts();
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
