import path from "node:path";
import { expect, test, type Page } from "./support/test";
import { ARTIFACTS_DIR } from "./support/paths";
import { UNLINKED_DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { queryPortalDatabase, signIn } from "./support/portal";

const ORG = "Bayside Claims";
const TEAM = "Property";
const INVITEE = {
  email: "riley.referrer@bayside.test",
  name: "Riley Referrer",
  password: "riley-password-2026",
};
const SPECIALIST = { email: "nora.quinn@specialists.test", name: "Dr. Nora Quinn" };
const COLLEAGUE = { email: "casey.colleague@bayside.test", name: "Casey Colleague" };
/** The demo Acuity account's calendar that no specialist is linked to yet (Dr. Grace Liu). */
const CALENDAR_ID = String(UNLINKED_DEMO_CALENDARS[0]!.id);

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });
/** The admin console's own navigation: Admin in the main menu, then its section. */
async function openAdminSection(page: Page, section: string) {
  if ((await page.getByRole("navigation", { name: "Administration" }).count()) === 0) {
    await mainNav(page).getByRole("link", { name: "Admin" }).click();
  }
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: section }).click();
}

test("an admin sets up an organization, invites a referrer who joins, adds a specialist, impersonates the referrer with a reason, and finds it all in the audit trail", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@ime.test");

  // Organization with a team.
  await openAdminSection(page, "Organizations");
  const createOrg = page.getByTestId("create-organization-form");
  await createOrg.getByLabel("Name").fill(ORG);
  await createOrg.getByLabel("First team (optional)").fill(TEAM);
  await createOrg.getByRole("button", { name: "Create organization" }).click();
  await expect(createOrg.getByRole("status")).toHaveText("Organization created.");
  await page.getByRole("link", { name: ORG }).click();
  await expect(page.getByTestId("organization-name")).toHaveText(ORG);
  await expect(page.getByTestId(`team-${TEAM}`)).toBeVisible();

  // Invitation into the team; the e-mail lands in the outbox.
  const invite = page.getByTestId("invite-form");
  await invite.getByLabel("E-mail").fill(INVITEE.email);
  await invite.getByLabel("Team (optional)").selectOption({ label: TEAM });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByRole("status")).toHaveText("Invitation sent.");
  await expect(page.getByText(INVITEE.email)).toBeVisible();

  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Outbox" })
    .click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  const mail = page.getByTestId("outbox-email").filter({ hasText: INVITEE.email });
  // Queued with the invitation; the worker renders and sends it moments later.
  await expect(async () => {
    await page.reload();
    await expect(mail).toContainText(`You are invited to ${ORG}`, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await mail.getByText("Read").click();
  const body = await mail.getByTestId("outbox-body").innerText();
  const link = /https?:\/\/\S+\/accept-invitation\/\S+/.exec(body)?.[0];
  expect(link).toBeTruthy();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "admin-outbox.png"), fullPage: true });

  // The invitee accepts in their own browser.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(new URL(link!).pathname);
  await expect(invitee.getByText(`You are invited to join ${ORG} as member in ${TEAM}.`)).toBeVisible();
  await invitee.getByLabel("Your name").fill(INVITEE.name);
  await invitee.getByLabel("Password (at least 12 characters, not a common one)").fill(INVITEE.password);
  await invitee.getByLabel("Repeat the password").fill(INVITEE.password);
  await invitee.getByRole("button", { name: "Create my account and join" }).click();
  await expect(invitee).toHaveURL(/\/bookings$/);
  await expect(invitee.getByTestId("signed-in-user")).toHaveText(INVITEE.name);
  await invitee.goto(new URL(link!).pathname);
  await expect(invitee.getByText(/has already been used/)).toBeVisible();
  await inviteeContext.close();

  // A specialist: a new user linked to an Acuity calendar.
  await openAdminSection(page, "Users");
  await page.getByText("Create a user").click();
  const createUser = page.getByTestId("create-user-form");
  await createUser.getByLabel("Name").fill(SPECIALIST.name);
  await createUser.getByLabel("E-mail").fill(SPECIALIST.email);
  await createUser.getByLabel("Password (12+ characters, not a common one)").fill("nora-password-2026");
  await createUser.getByRole("button", { name: "Create user" }).click();
  await expect(createUser.getByRole("status")).toHaveText("User created.");
  // A colleague who joins the new organization and its team at once, and Northwind as an admin.
  await createUser.getByLabel("Name").fill(COLLEAGUE.name);
  await createUser.getByLabel("E-mail").fill(COLLEAGUE.email);
  await createUser.getByLabel("Password (12+ characters, not a common one)").fill("colleague-password-2026");
  const memberships = createUser.getByTestId("membership-rows");
  await memberships.getByRole("button", { name: "Add an organization" }).click();
  await memberships.getByLabel("Organization").nth(0).selectOption({ label: ORG });
  await memberships.getByLabel("Team (optional)").nth(0).selectOption({ label: TEAM });
  await memberships.getByRole("button", { name: "Add an organization" }).click();
  await memberships.getByLabel("Organization").nth(1).selectOption({ label: "Northwind Insurance" });
  await memberships.getByLabel("Role").nth(1).selectOption("admin");
  await createUser.getByRole("button", { name: "Create user" }).click();
  await expect(createUser.getByRole("status")).toHaveText("User created.");
  // The users list says what the colleague is in each organization.
  const colleagueRow = page.getByTestId(`user-row-${COLLEAGUE.email}`);
  await expect(colleagueRow).toContainText(`${ORG} (member)`);
  await expect(colleagueRow).toContainText("Northwind Insurance (admin)");
  const colleagueTeams = await queryPortalDatabase<{ name: string }>(
    "SELECT t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id JOIN users u ON u.id = tm.user_id WHERE u.email = $1",
    [COLLEAGUE.email],
  );
  expect(colleagueTeams.map((t) => t.name)).toEqual([TEAM]);
  await openAdminSection(page, "Specialists");
  const createSpecialist = page.getByTestId("create-specialist-form");
  await createSpecialist.getByLabel("User e-mail").fill(SPECIALIST.email);
  await createSpecialist.getByLabel("Acuity calendar").selectOption(CALENDAR_ID);
  await createSpecialist.getByLabel("Name shown to referrers").fill(SPECIALIST.name);
  await createSpecialist.getByLabel("Specialty").fill("Neuropsychology");
  await createSpecialist.getByRole("button", { name: "Create specialist" }).click();
  await expect(createSpecialist.getByRole("status")).toHaveText("Specialist created.");
  await expect(page.getByTestId(`specialist-${CALENDAR_ID}`)).toContainText(
    "Neuropsychology · Telehealth only",
  );

  // Impersonate the new referrer with a reason, then stop.
  await openAdminSection(page, "Users");
  const row = page.getByTestId(`user-row-${INVITEE.email}`);
  await expect(row).toContainText(ORG);
  await row.getByRole("button", { name: "Impersonate" }).click();
  await row.getByLabel(`Reason for impersonating ${INVITEE.name}`).fill("Onboarding call, ticket 9001");
  await row.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("impersonation-banner")).toContainText(`Impersonating ${INVITEE.name}`);
  expect((await page.goto("/admin/audit"))?.status()).toBe(404);
  // Book an examination for them: the first free telehealth time of Dr. Brennan.
  await page.goto("/specialists?specialty=Psychology&telehealth=1");
  await page
    .getByTestId("specialist-card")
    .filter({ hasText: "Dr. Lucas Brennan" })
    .getByRole("link", { name: "Choose a time" })
    .click();
  const freeTimes = page.getByRole("list", { name: "Free times" }).getByRole("button");
  await expect(freeTimes.first()).toBeVisible();
  await freeTimes.first().click();
  await page.getByLabel("Examinee full name").fill("Morgan Onboarding");
  await page.getByLabel("Examinee phone").fill("(415) 555-0142");
  await page.getByRole("button", { name: "Book examination" }).click();
  await expect(page).toHaveURL(/\/bookings\/[a-z0-9]+\?booked=1$/);
  const [booked] = await queryPortalDatabase<{ by: string; for: string | null }>(
    `SELECT creator.email AS by, beneficiary.email AS for FROM bookings b
       JOIN users creator ON creator.id = b.created_by_id LEFT JOIN users beneficiary ON beneficiary.id = b.created_for_id
      WHERE b.examinee_name = 'Morgan Onboarding'`,
  );
  expect(booked).toEqual({ by: "admin@ime.test", for: INVITEE.email });
  await page.getByTestId("impersonation-banner").getByRole("button", { name: "Stop impersonating" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  // The audit trail, filtered by the referrer.
  await openAdminSection(page, "Audit trail");
  await page.getByLabel("Impersonated user").fill(INVITEE.email);
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "impersonation.started" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "impersonation.stopped" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "booking.created" })).toHaveCount(1);
  await rows
    .filter({ hasText: "impersonation.started" })
    .getByRole("button", { name: "Show details" })
    .click();
  await expect(page.getByTestId("audit-metadata")).toContainText("Onboarding call, ticket 9001");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "admin-audit-trail.png"), fullPage: true });

  await page.goto(`/admin/audit?actor=${encodeURIComponent(INVITEE.email)}`);
  await expect(rows.filter({ hasText: "invitation.accepted" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "organization.member_added" })).toHaveCount(1);

  // The export of the current filter carries the same rows.
  const csv = await page.request.get(
    `/api/admin/audit/export?impersonated=${encodeURIComponent(INVITEE.email)}`,
  );
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(
    lines
      .slice(1)
      .map((line) => line.split(",")[5])
      .sort(),
  ).toEqual(["booking.created", "impersonation.started", "impersonation.stopped"]);

  const created = await queryPortalDatabase<{ action: string }>(
    `SELECT action FROM audit_logs a JOIN users u ON u.id = a.user_id WHERE u.email = 'admin@ime.test' AND action IN ('organization.created','team.created','invitation.created','user.created','specialist.created') ORDER BY timestamp`,
  );
  // Two accounts made on the Users page: the specialist's and the colleague's.
  expect(created.map((r) => r.action)).toEqual([
    "organization.created",
    "team.created",
    "invitation.created",
    "user.created",
    "user.created",
    "specialist.created",
  ]);
});

test("the admin console and the export are 404 for a referrer", async ({ page }) => {
  await signIn(page, "owner@northwind.test");
  for (const path of [
    "/admin/organizations",
    "/admin/specialists",
    "/admin/bookings",
    "/admin/audit",
    "/admin/outbox",
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.request.get("/api/admin/audit/export")).status()).toBe(404);
});
