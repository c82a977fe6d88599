/**
 * WCAG 2.2 AA on every screen of every persona, enforced (issue 16): each screen a persona can
 * reach — plus the signed-out ones and a form showing its errors — is screenshotted and scanned
 * with axe at desktop (1280) and phone (390) width; any serious or critical violation fails the
 * test. Violations are collected softly, so one run lists every screen's problems at once.
 *
 * The screens come from app/**\/page.tsx. New screens join the list as they land.
 */
import fs from "node:fs";
import { listMailbox } from "@/lib/email/local-mailbox";
import { scanAtBothWidths } from "./support/accessibility";
import { E2E_MAILBOX_DIR_FILE } from "./support/paths";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";
import { expect, test, type Page } from "./support/test";

const REFERRER = "motor@northwind.test";
const OWNER = "owner@northwind.test";
const SPECIALIST = "amelia.hart@specialists.test";
const ADMIN = "admin@ime.test";

// Dozens of pages, each scanned twice: generous, so a loaded machine is slower, never red. (The
// tests run in file order on the suite's one worker; the owner's finds the invoice the admin's issued.)
test.describe.configure({ timeout: 1_200_000 });

/** Opens `path` and waits for its heading, so the scan sees the rendered screen. */
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBeLessThan(400);
  await expect(page.locator("h1").first()).toBeVisible();
}

/** Opens an address with nothing behind it: the portal's own 404 screen, scanned like the others. */
async function scanNotFound(page: Page, name: string, path: string) {
  await test.step(`${name} (${path})`, async () => {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answered`).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
    await scanAtBothWidths(page, name);
  });
}

async function scanScreens(page: Page, persona: string, screens: Record<string, string>) {
  for (const [screen, path] of Object.entries(screens)) {
    const name = `${persona}-${screen}`;
    await test.step(`${persona}: ${screen} (${path})`, async () => {
      await visit(page, path);
      await scanAtBothWidths(page, name);
    });
  }
}

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await queryPortalDatabase<T>(sql, params);
  if (!row) throw new Error(`the demo seed has no row for: ${sql.split("\n")[0]}`);
  return row;
}

/** A booking of Northwind's motor team (the referrer's), and one examined by the demo specialist. */
const northwindBooking = () =>
  one<{ id: string }>(
    `SELECT b.id FROM bookings b JOIN organizations o ON o.id = b.organization_id
      WHERE o.slug = 'northwind-insurance' AND b.status = 'active'
      ORDER BY b.created_at DESC LIMIT 1`,
  );
const specialistBooking = () =>
  one<{ id: string }>(
    `SELECT b.id FROM bookings b JOIN specialists s ON s.id = b.specialist_id
       JOIN users u ON u.id = s.user_id
      WHERE u.email = $1 ORDER BY b.created_at DESC LIMIT 1`,
    [SPECIALIST],
  );

test("signed out: sign-in, its two-factor step, forgot and reset password, an invitation", async ({
  page,
}) => {
  await scanScreens(page, "signed-out", {
    "sign-in": "/sign-in",
    "forgot-password": "/forgot-password",
    "reset-password-expired": "/reset-password?token=not-a-token",
    "accept-invitation-unknown": "/accept-invitation/00000000-0000-4000-8000-000000000000",
  });

  // The forgot-password form with its error, then sent; the e-mailed link's reset form.
  await visit(page, "/forgot-password");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByLabel("E-mail")).toBeFocused();
  await scanAtBothWidths(page, "signed-out-forgot-password-error");
  await page.getByLabel("E-mail").fill(REFERRER);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  const dir = fs.readFileSync(E2E_MAILBOX_DIR_FILE, "utf8");
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const mail = (await listMailbox(dir)).find(
          (message) => message.to.includes(REFERRER) && /reset-password\?token=/.test(message.text ?? ""),
        );
        link = mail?.text?.match(/https?:\/\/\S*reset-password\?token=[^\s)>\]]+/)?.[0];
        return Boolean(link);
      },
      { message: "the reset e-mail", timeout: 120_000 },
    )
    .toBe(true);
  const url = new URL(link!);
  await visit(page, `${url.pathname}${url.search}`);
  await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
  await scanAtBothWidths(page, "signed-out-reset-password");

  // The second step of an admin's sign-in.
  await visit(page, "/sign-in");
  await page.getByLabel("E-mail").fill(ADMIN);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authenticator code")).toBeVisible();
  await scanAtBothWidths(page, "signed-out-two-factor-step");

  await page.context().clearCookies();
  await scanNotFound(page, "signed-out-not-found", "/no-such-page");
  await expect(page).toHaveTitle(/^Page not found/);
});

test("the referrer's screens", async ({ page }) => {
  await signIn(page, REFERRER);
  const booking = await northwindBooking();
  await scanScreens(page, "referrer", {
    home: "/",
    bookings: "/bookings",
    "booking-form": "/bookings/new",
    booking: `/bookings/${booking.id}`,
    specialists: "/specialists",
    notifications: "/notifications",
    "settings-security": "/settings/security",
    "settings-notifications": "/settings/notifications",
    "settings-two-factor": "/settings/two-factor",
    "two-factor-setup": "/two-factor/setup",
  });
  await signOut(page);
});

test("the admin's screens, every section and its sub-pages", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, ADMIN);
  const northwind = await one<{ id: string }>(
    `SELECT id FROM organizations WHERE slug = 'northwind-insurance'`,
  );
  const motor = await one<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [REFERRER]);
  const booking = await northwindBooking();

  // An invoice to look at (the demo seed has unbilled charges but no invoice yet).
  await visit(page, "/admin/billing/invoices");
  if ((await page.getByTestId("invoice-row").count()) === 0) {
    const span = await one<{ first_day: string; last_day: string }>(
      `SELECT to_char(min(c.occurred_at AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS first_day,
              to_char(max(c.occurred_at AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS last_day
         FROM charges c WHERE c.organization_id = $1 AND c.waived_at IS NULL`,
      [northwind.id],
    );
    const form = page.getByTestId("draft-invoice-form");
    await form.getByLabel("Organization").selectOption({ label: "Northwind Insurance" });
    await form.getByLabel("First day").fill(span.first_day);
    await form.getByLabel("Last day").fill(span.last_day);
    await form.getByRole("button", { name: "Draft invoice" }).click();
    await expect(form.getByRole("status")).toContainText("Draft made");
  }
  const invoice = await one<{ id: string }>(
    `SELECT id FROM invoices WHERE organization_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [northwind.id],
  );

  await scanScreens(page, "admin", {
    home: "/",
    admin: "/admin",
    users: "/admin/users",
    "user-sessions": `/admin/users/${motor.id}/sessions`,
    organizations: "/admin/organizations",
    organization: `/admin/organizations/${northwind.id}`,
    specialists: "/admin/specialists",
    bookings: "/admin/bookings",
    booking: `/bookings/${booking.id}`,
    audit: "/admin/audit",
    webhooks: "/admin/webhooks",
    outbox: "/admin/outbox",
    "local-mailbox": "/admin/outbox?view=mailbox",
    billing: "/admin/billing",
    "fee-schedules": "/admin/billing/fee-schedules",
    "fee-schedule": "/admin/billing/fee-schedules/default",
    invoices: "/admin/billing/invoices",
    invoice: `/admin/billing/invoices/${invoice.id}`,
    notifications: "/notifications",
    "settings-security": "/settings/security",
    "settings-two-factor": "/settings/two-factor",
  });

  // A form showing the server's errors: the new-user form submitted empty (the browser's own
  // checks switched off, so the server's answer is what shows). Focus lands on the first invalid
  // field, the summary lists them, and the button works again.
  await visit(page, "/admin/users");
  await page.getByText("Create a user").click();
  const create = page.getByTestId("create-user-form");
  await create.evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByLabel("Name")).toBeFocused();
  await expect(create.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(create.getByRole("button", { name: "Create user" })).toBeEnabled();
  await scanAtBothWidths(page, "admin-users-form-errors");

  // Issue the draft so the owner has an invoice to open.
  await visit(page, `/admin/billing/invoices/${invoice.id}`);
  const issue = page.getByTestId("issue-invoice");
  if (await issue.count()) {
    await issue.getByRole("button", { name: "Issue invoice" }).click();
    await expect(page.getByTestId("invoice-state")).toHaveText("Issued");
  }
  // A record that does not exist: the 404 inside the portal's frame (app/(portal)/not-found.tsx).
  await scanNotFound(page, "admin-invoice-not-found", "/admin/billing/invoices/no-such-invoice");
  await signOut(page);
});

test("the owner's screens, the organization's invoices included", async ({ page }) => {
  await signIn(page, OWNER);
  const booking = await northwindBooking();
  const invoice = await queryPortalDatabase<{ id: string }>(
    `SELECT i.id FROM invoices i JOIN organizations o ON o.id = i.organization_id
      WHERE o.slug = 'northwind-insurance' AND i.number IS NOT NULL
      ORDER BY i.created_at DESC LIMIT 1`,
  );
  await scanScreens(page, "owner", {
    home: "/",
    bookings: "/bookings",
    "booking-form": "/bookings/new",
    booking: `/bookings/${booking.id}`,
    specialists: "/specialists",
    notifications: "/notifications",
    invoices: "/organization/invoices",
    ...(invoice[0] ? { invoice: `/organization/invoices/${invoice[0].id}` } : {}),
    "settings-security": "/settings/security",
    "settings-notifications": "/settings/notifications",
    "settings-two-factor": "/settings/two-factor",
  });
  await signOut(page);
});

test("the specialist's screens", async ({ page }) => {
  await signIn(page, SPECIALIST);
  const booking = await specialistBooking();
  await scanScreens(page, "specialist", {
    home: "/",
    specialist: "/specialist",
    booking: `/bookings/${booking.id}`,
    notifications: "/notifications",
    "settings-security": "/settings/security",
    "settings-notifications": "/settings/notifications",
    "settings-two-factor": "/settings/two-factor",
  });
  await signOut(page);
});
