import path from "node:path";
import { expect, test } from "./support/test";
import { ARTIFACTS_DIR } from "./support/paths";
import { queryPortalDatabase, signIn, signOut, visibleBookings } from "./support/portal";

const REFERRER = { email: "motor@northwind.test", name: "Mia Motor" };

test("a referrer sees only their organization's bookings; an admin impersonates them, sees the same, and stops", async ({
  page,
}) => {
  await signIn(page, REFERRER.email);
  const asReferrer = await visibleBookings(page);
  expect(asReferrer.organizations).toEqual(["Northwind Insurance"]);
  expect(asReferrer.examinees.length).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "bookings-as-referrer.png"), fullPage: true });
  await signOut(page);

  await signIn(page, "admin@ime.test");
  const asAdmin = await visibleBookings(page);
  expect(asAdmin.organizations.length).toBeGreaterThan(1);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const row = page.getByTestId(`user-row-${REFERRER.email}`);
  await row.getByRole("button", { name: "Impersonate" }).click();
  await row.getByLabel(`Reason for impersonating ${REFERRER.name}`).fill("Reproducing support ticket 4711");
  await row.getByRole("button", { name: "Start" }).click();

  // The impersonated referrer's own home.
  await expect(page).toHaveURL(/\/$/);
  const banner = page.getByTestId("impersonation-banner");
  await expect(banner).toContainText(`Impersonating ${REFERRER.name}`);
  await expect(banner).toContainText("Avery Admin");
  await expect(banner).toContainText(/\d+ min left/);
  const whileImpersonating = await visibleBookings(page);
  expect(whileImpersonating).toEqual(asReferrer);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "impersonation-banner.png"), fullPage: true });

  // The admin console is not reachable while acting as the referrer.
  const adminPage = await page.goto("/admin/users");
  expect(adminPage?.status()).toBe(404);
  await page.goto("/bookings");

  await banner.getByRole("button", { name: "Stop impersonating" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByTestId("impersonation-banner")).toHaveCount(0);
  await expect(page.getByTestId("signed-in-user")).toHaveText("Avery Admin");

  const events = await queryPortalDatabase<{
    action: string;
    admin: string;
    referrer: string;
    metadata: { reason?: string };
  }>(
    `SELECT a.action, actor.email AS admin, target.email AS referrer, a.metadata
       FROM audit_logs a JOIN users actor ON actor.id = a.user_id JOIN users target ON target.id = a.impersonated_user_id
      WHERE a.action IN ('impersonation.started', 'impersonation.stopped') AND target.email = $1 ORDER BY a.timestamp`,
    [REFERRER.email], // other specs impersonate other users in the same run's database
  );
  expect(events).toEqual([
    {
      action: "impersonation.started",
      admin: "admin@ime.test",
      referrer: REFERRER.email,
      metadata: { reason: "Reproducing support ticket 4711" },
    },
    { action: "impersonation.stopped", admin: "admin@ime.test", referrer: REFERRER.email, metadata: {} },
  ]);
});

test("a referrer of another organization sees none of Northwind's bookings", async ({ page }) => {
  await signIn(page, "owner@harborfinch.test");
  const seen = await visibleBookings(page);
  expect(seen.organizations).toEqual(["Harbor & Finch Lawyers"]);
});

test("a wrong password is refused with a clear message and no session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("owner@northwind.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.goto("/bookings");
  // Sent to sign in, remembering the page asked for.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fbookings$/);
});
