import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./support/test";
import { signAcuityWebhook } from "@/lib/acuity/webhook-signature";
import { ARTIFACTS_DIR, E2E_EMULATOR_CONTROL_FILE } from "./support/paths";
import { signIn } from "./support/portal";

/** The key tests/e2e/support/serve.ts gives the emulator and the portal. */
const API_KEY = "e2e-emulator-api-key";
const UNKNOWN_APPOINTMENT = "987654321";
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function openWebhookEvents(page: Page, appointment: string, status: string) {
  await page.goto(`/admin/webhooks?${new URLSearchParams({ appointment, status })}`);
}

test("an admin finds an Acuity appointment the portal could not record, with what to do; once moved in Acuity, Replay brings it in", async ({
  page,
  request,
}) => {
  const body = `action=appointment.rescheduled&id=${UNKNOWN_APPOINTMENT}&calendarID=7101&appointmentTypeID=501`;
  const unsigned = await request.post("/api/webhooks/acuity", {
    data: body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(unsigned.status()).toBe(401);
  const delivered = await request.post("/api/webhooks/acuity", {
    data: body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-acuity-signature": signAcuityWebhook(body, API_KEY),
    },
  });
  expect(delivered.status()).toBe(200);

  // Staff enter yesterday's examination directly in Acuity: the emulator sends the webhook.
  const control = fs.readFileSync(E2E_EMULATOR_CONTROL_FILE, "utf8").trim();
  const created = await request.post(`${control}/appointments`, {
    data: {
      datetime: `${day(-1)}T10:00:00`,
      calendarID: 7101,
      appointmentTypeID: 501,
      firstName: "Pastor",
      lastName: "Entrywell",
      email: "pastor.entrywell@example.test",
      phone: "2125550142",
    },
  });
  expect(created.ok()).toBe(true);
  const appointmentId = String(((await created.json()) as { id: number }).id);

  await signIn(page, "admin@ime.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Webhooks" })
    .click();
  await expect(page.getByRole("heading", { name: "Acuity webhooks" })).toBeVisible();

  // An id Acuity does not know, with no booking behind it: set aside with its reason, nothing to do.
  const event = page.getByTestId("webhook-event");
  await expect(async () => {
    await openWebhookEvents(page, UNKNOWN_APPOINTMENT, "processed");
    await expect(event).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 120_000 });
  await expect(event).toContainText("Ignored");

  // The past-dated appointment waits for a person at once, with a sentence saying what to do.
  await expect(async () => {
    await openWebhookEvents(page, appointmentId, "failed");
    await expect(event).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 120_000 });
  await expect(event).toContainText("Needs a person");
  await expect(event).toContainText("entered in Acuity after its own time");
  await expect(event).toContainText("move it to its new time in Acuity");
  await expect(event).not.toContainText(/insert into|Failed query|Entrywell/);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "admin-webhooks.png"), fullPage: true });

  // Replay is offered (and, with the time still past, it waits again)…
  await event.getByRole("button", { name: "Replay" }).click();
  await expect(event.getByRole("status")).toHaveText("Queued again");
  // …and once staff move it to next month in Acuity, its own webhook brings it in.
  const moved = await request.post(`${control}/appointments/${appointmentId}/change`, {
    data: { datetime: `${day(30)}T10:00:00` },
  });
  expect(moved.ok()).toBe(true);

  await expect(async () => {
    await page.goto(`/admin/bookings?${new URLSearchParams({ q: "Entrywell" })}`);
    await expect(page.getByText("Pastor Entrywell").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 120_000 });
});

test("the webhook screen is not found for a referrer", async ({ page }) => {
  await signIn(page, "owner@northwind.test");
  expect((await page.goto("/admin/webhooks"))?.status()).toBe(404);
});
