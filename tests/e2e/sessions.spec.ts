/**
 * Sessions people can see and end (issue 17), in Chromium against the production build: one
 * person signed in from two browsers sees both on Settings → Security (this one marked, the other
 * by its device), signs the other out, and that browser is signed out at its next page; the
 * password form says what is wrong beside the field. An admin signs a user out everywhere from
 * Admin → Users. Each screen is scanned with axe at desktop and phone width (screenshots kept in
 * artifacts/e2e for review).
 */
import { scanAtBothWidths } from "./support/accessibility";
import { signIn } from "./support/portal";
import { expect, test } from "./support/test";

/** The second browser: another device, so its row reads differently from this one's. */
const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";

test("signed in on two browsers: both listed, the other signed out from here is signed out there", async ({
  page,
  browser,
}) => {
  const person = "east@summit.test";
  await signIn(page, person);
  await page.goto("/settings/security");
  const rows = page.getByTestId("session-row");
  // Start from this browser alone: an earlier spec may have left a session of this person.
  const endOthers = page.getByTestId("end-other-sessions");
  if (await endOthers.isVisible()) {
    await endOthers.click();
    await expect(rows).toHaveCount(1);
  }
  await expect(rows).toHaveCount(1);

  const elsewhere = await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS });
  const otherPage = await elsewhere.newPage();
  await signIn(otherPage, person);

  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(rows.and(page.locator("[data-current]"))).toContainText("This device");
  const other = rows.filter({ hasText: "Firefox 140 on Windows" });
  await expect(other).toHaveCount(1);
  await expect(other).not.toContainText("This device");
  await scanAtBothWidths(page, "sessions-security");

  await other.getByRole("button", { name: /^Sign out Firefox 140 on Windows/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("end-other-sessions")).toBeHidden();

  // The other browser's next page: its session is gone, so it is asked to sign in.
  await otherPage.goto("/bookings");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await elsewhere.close();

  // A common new password is refused beside its field (and nothing changes).
  const form = page.getByTestId("change-password-form");
  await form.getByLabel("Current password").fill("demo-password");
  await form.getByLabel("New password", { exact: true }).fill("Password1234");
  await form.getByLabel("New password again").fill("Password1234");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator("#newPassword-error")).toContainText("most common passwords");
  await scanAtBothWidths(page, "sessions-security-password-refused");
});

test("an admin sees a user's sessions under Admin → Users and signs them out of every device", async ({
  page,
  browser,
}) => {
  const user = "west@summit.test";
  const usersBrowser = await browser.newContext({ userAgent: FIREFOX_ON_WINDOWS });
  const userPage = await usersBrowser.newPage();
  await signIn(userPage, user);

  await signIn(page, "admin@ime.test");
  await page.goto(`/admin/users?q=${encodeURIComponent(user)}`);
  const row = page.getByTestId(`user-row-${user}`);
  await row.getByText("Manage").click();
  await row.getByTestId("user-sessions-link").click();
  await expect(page).toHaveURL(/\/admin\/users\/[^/]+\/sessions$/);
  await expect(page.getByRole("heading", { name: "Sessions of Liam West" })).toBeVisible();
  await expect(page.getByTestId("session-row").filter({ hasText: "Firefox 140 on Windows" })).not.toHaveCount(
    0,
  );
  await scanAtBothWidths(page, "sessions-admin-user-sessions");

  await page.getByTestId("end-all-sessions").click();
  await expect(page.getByText("No active sessions")).toBeVisible();
  await userPage.goto("/bookings");
  await expect(userPage).toHaveURL(/\/sign-in/);
  await usersBrowser.close();
});
