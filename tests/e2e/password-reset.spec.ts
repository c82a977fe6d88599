/**
 * Forgot and reset password through the forms, as a person does it: the forms check their fields
 * by hand in the browser (no zod in these pages, issue 14) and say what is wrong beside the field;
 * the request goes to better-auth over plain fetch (no better-auth client), the link from the
 * e-mail (as the local SMTP server received it) opens the reset form, and the new password signs in. A demo user no other spec uses; its
 * password is put back afterwards so a later run starts the same.
 */
import fs from "node:fs";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { listMailbox } from "@/lib/email/local-mailbox";
import { E2E_MAILBOX_DIR_FILE } from "./support/paths";
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
    const requestedAt = Date.now();
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account exists for that address");

    // The e-mail's link, as the run's local SMTP server received it. (Not from the outbox row: the
    // sender clears a reset e-mail's payload once it is sent, so reading the row raced the worker.)
    const mailbox = fs.readFileSync(E2E_MAILBOX_DIR_FILE, "utf8");
    let url = "";
    await expect
      .poll(
        async () => {
          const mail = (await listMailbox(mailbox)).find(
            (message) =>
              message.kind === "password_reset" &&
              message.to.includes(EMAIL) &&
              (message.date?.getTime() ?? 0) >= requestedAt - 1_000,
          );
          url = /https?:\/\/[^\s"<>]+\/reset-password\?token=[^\s"<>]+/.exec(mail?.text ?? "")?.[0] ?? "";
          return url;
        },
        { message: `the password-reset e-mail to ${EMAIL}`, timeout: 120_000 },
      )
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
