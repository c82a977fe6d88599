/**
 * Two-factor sign-in (issue 17), in Chromium against the production build: a new platform admin
 * (made the way `npm run admin:create` makes one — no second factor) signs in and is held on the
 * enrolment screen whatever page they ask for; they confirm their password, add the key (QR code,
 * or the key typed), confirm with a code and see their backup codes once. Their next sign-in asks
 * for the code: a wrong one is refused beside the field, the right one lets them in; a backup code
 * works in its place. Each screen is scanned with axe at desktop and phone width (screenshots in
 * artifacts/e2e for review).
 */
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { Secret } from "otpauth";
import { newId } from "@/lib/ids";
import { totpCodeFor } from "@/lib/two-factor/totp-code";
import { scanAtBothWidths } from "./support/accessibility";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";
import { expect, test, type Page } from "./support/test";

/** A platform admin as `admin:create` leaves one: a password, no second factor. */
async function createAdmin() {
  const tag = randomBytes(4).toString("hex");
  const admin = { id: newId(), email: `new-admin-${tag}@ime.test`, password: `first-admin-${tag}-password` };
  await queryPortalDatabase(
    `INSERT INTO users (id, name, email, email_verified, role) VALUES ($1, $2, $3, true, 'admin')`,
    [admin.id, `New Admin ${tag}`, admin.email],
  );
  await queryPortalDatabase(
    `INSERT INTO accounts (id, account_id, provider_id, user_id, password, updated_at)
     VALUES ($1, $2, 'credential', $3, $4, now())`,
    [newId(), admin.id, admin.id, await hashPassword(admin.password)],
  );
  return admin;
}

async function submitPassword(page: Page, admin: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a new admin enrols at first sign-in, then signs in with a code or a backup code", async ({ page }) => {
  const admin = await createAdmin();

  // First sign-in: the password is right, but the admin must enrol before anything else.
  await submitPassword(page, admin);
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${admin.email}`)).toBeVisible();
  // A route refuses too: no actor until enrolled.
  expect((await page.request.get("/api/notifications/latest")).status()).toBe(401);
  await scanAtBothWidths(page, "two-factor-enrol-password");

  await page.getByLabel("Your password").fill("not-the-password");
  await page.getByRole("button", { name: "Start set-up" }).click();
  await expect(page.getByText("That password is not right.")).toBeVisible();
  await expect(page.getByLabel("Your password")).toBeFocused();
  await page.getByLabel("Your password").fill(admin.password);
  await page.getByRole("button", { name: "Start set-up" }).click();

  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ }).locator("svg")).toBeVisible();
  const typedKey = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  // What an app does with the typed key: base32 → the raw key → the current code.
  const rawSecret = Buffer.from(Secret.fromBase32(typedKey).bytes).toString("latin1");
  const codeField = page.getByLabel("2. Enter the 6-digit code the app shows");
  await expect(codeField).toBeFocused();
  await scanAtBothWidths(page, "two-factor-enrol-scan");

  const right = totpCodeFor(rawSecret);
  await codeField.fill(right === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await codeField.fill(totpCodeFor(rawSecret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();

  const backupCodes = page.getByTestId("backup-codes").getByRole("listitem");
  await expect(backupCodes).toHaveCount(10);
  const codes = await backupCodes.allInnerTexts();
  await scanAtBothWidths(page, "two-factor-backup-codes");
  await page.getByRole("button", { name: /I have saved them/ }).click();
  await expect(page).toHaveURL(/\/admin$/); // an admin's home: the operations view
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await signOut(page);

  // The next sign-in asks for the code; a wrong one is said beside the field.
  await submitPassword(page, admin);
  const signInCode = page.getByLabel("Authenticator code");
  await expect(signInCode).toBeFocused();
  await signInCode.fill(totpCodeFor(rawSecret) === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/That code is not right/)).toHaveAttribute("role", "alert");
  await expect(signInCode).toHaveAttribute("aria-invalid", "true");
  await expect(signInCode).toBeFocused();
  await scanAtBothWidths(page, "two-factor-sign-in-code");
  await signInCode.fill(totpCodeFor(rawSecret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin$/); // an admin's home: the operations view
  // Signed out before the next sign-in page loads: still signed in, /sign-in sends an admin home.
  await signOut(page);

  // A backup code in place of the app's code.
  await submitPassword(page, admin);
  await page.getByRole("button", { name: "Use a backup code instead" }).click();
  const backupField = page.getByLabel("Backup code");
  await expect(backupField).toBeFocused();
  await backupField.fill(codes[0]!);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin$/); // an admin's home: the operations view

  // Settings → Two-factor says it is on and required for an admin.
  await page.goto("/settings/two-factor");
  await expect(page.getByTestId("two-factor-status")).toContainText("Two-factor sign-in is on.");
  await scanAtBothWidths(page, "two-factor-settings");

  // And the signIn helper used by every spec completes the step with a key it is given.
  await signOut(page);
  await signIn(page, admin.email, { password: admin.password, totpSecret: rawSecret });
});

test("the demo admin resets a user's second factor from Admin → Users, with a reason", async ({ page }) => {
  // A demo specialist is enrolled by the seed (no other spec signs in as this one); the admin
  // resets them, and they would enrol again at their next sign-in.
  await signIn(page, "admin@ime.test");
  await page.goto("/admin/users?q=lucas.brennan");
  const row = page.getByTestId("user-row-lucas.brennan@specialists.test");
  await row.getByText("Reset two-factor").first().click();
  await scanAtBothWidths(page, "two-factor-admin-reset");
  await row.getByLabel(/Reason \(recorded\) for resetting/).fill("Lost phone — ticket 4242");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Reset two-factor" }).click();
  await expect(row.getByTestId("reset-two-factor")).toHaveCount(0);
  const [audit] = await queryPortalDatabase<{ metadata: { reason: string } }>(
    `SELECT a.metadata FROM audit_logs a JOIN users u ON u.id = a.resource_id
     WHERE a.action = 'user.two_factor_reset' AND u.email = 'lucas.brennan@specialists.test'`,
  );
  expect(audit?.metadata.reason).toBe("Lost phone — ticket 4242");
});
