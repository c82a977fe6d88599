/**
 * Forgot and reset password through the forms, as a person does it: the forms check their fields
 * by hand in the browser (no zod in these pages, issue 14) and say what is wrong beside the field;
 * the request goes to better-auth over plain fetch (no better-auth client), the link from the
 * e-mail opens the reset form, and the new password signs in. A demo user no other spec uses; its
 * password is put back afterwards so a later run starts the same.
 */
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { expect, test } from "./support/test";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";

const EMAIL = "negligence@harborfinch.test";
const NEW_PASSWORD = "a long walk by the quiet harbour";

async function credentialHash(): Promise<string> {
  const [row] = await queryPortalDatabase<{ password: string }>(
    `select a.password from accounts a join users u on u.id = a.user_id
      where u.email = $1 and a.provider_id = 'credential'`,
    [EMAIL],
  );
  if (!row) throw new Error(`no password account for ${EMAIL}`);
  return row.password;
}

test("forgot password: errors beside the fields, the link from the e-mail sets a new password", async ({
  page,
}) => {
  const demoHash = await credentialHash();
  try {
    await page.goto("/forgot-password");
    const email = page.getByLabel("E-mail");
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(email).toHaveAccessibleDescription("Enter the e-mail address you sign in with");
    await expect(email).toBeFocused();
    await email.fill(`${"a".repeat(250)}@b.test`);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(email).toHaveAccessibleDescription("An e-mail address has at most 254 characters");

    await email.fill(`  ${EMAIL.toUpperCase()} `);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account exists for that address");

    // The e-mail's link, as the outbox holds it (written in the same transaction as the token).
    let url = "";
    await expect
      .poll(async () => {
        const rows = await queryPortalDatabase<{ url: string }>(
          `select payload->>'url' as url from outbox_emails
            where kind = 'password_reset' and to_address = $1 order by created_at desc limit 1`,
          [EMAIL],
        );
        url = rows[0]?.url ?? "";
        return url;
      })
      .not.toBe("");
    const link = new URL(url);
    await page.goto(link.pathname + link.search);

    const password = page.getByLabel("New password", { exact: true });
    const again = page.getByLabel("New password again");
    const save = page.getByRole("button", { name: "Set the new password" });
    await password.fill("too short");
    await again.fill("too short");
    await save.click();
    await expect(password).toHaveAccessibleDescription(/Use at least 12 characters/);
    await expect(password).toBeFocused();
    await password.fill(NEW_PASSWORD);
    await again.fill(`${NEW_PASSWORD}!`);
    await save.click();
    await expect(again).toHaveAccessibleDescription(/The two passwords differ/);
    await again.fill(NEW_PASSWORD);
    await save.click();
    await expect(page).toHaveURL(/\/sign-in\?reset=done$/);

    await signIn(page, EMAIL, { password: NEW_PASSWORD });
    await signOut(page);
  } finally {
    await queryPortalDatabase(
      `update accounts set password = $2
        where provider_id = 'credential' and user_id = (select id from users where email = $1)`,
      [EMAIL, demoHash],
    );
  }
  await signIn(page, EMAIL, { password: DEMO_PASSWORD });
});
