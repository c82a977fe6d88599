import path from "node:path";
import { expect, test } from "@playwright/test";
import { signAcuityWebhook } from "@/lib/acuity/webhook-signature";
import { ARTIFACTS_DIR } from "./support/paths";
import { signIn } from "./support/portal";

/** The key tests/e2e/support/serve.ts gives the emulator and the portal. */
const API_KEY = "e2e-emulator-api-key";
const UNKNOWN_APPOINTMENT = "987654321";

test("an admin finds a failed Acuity webhook with its reason, and replays it", async ({ page, request }) => {
  const body = `action=appointment.rescheduled&id=${UNKNOWN_APPOINTMENT}&calendarID=7101&appointmentTypeID=501`;
  const unsigned = await request.post("/api/webhooks/acuity", { data: body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(unsigned.status()).toBe(401);
  const delivered = await request.post("/api/webhooks/acuity", {
    data: body,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-acuity-signature": signAcuityWebhook(body, API_KEY) },
  });
  expect(delivered.status()).toBe(200);

  await signIn(page, "admin@ime.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Webhooks" }).click();
  await page.getByLabel("Appointment id").fill(UNKNOWN_APPOINTMENT);
  await page.getByLabel("Status").selectOption("failed");
  // The worker reads Acuity right away; Acuity has no such appointment, so the event fails and waits.
  const event = page.getByTestId("webhook-event");
  await expect(async () => {
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(event).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(event).toContainText("appointment.rescheduled");
  await expect(event).toContainText("Failed — will retry");
  await expect(event).toContainText(/Acuity/);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "admin-webhooks.png"), fullPage: true });

  await event.getByRole("button", { name: "Replay" }).click();
  await expect(event.getByRole("status")).toHaveText("Queued again");
});

test("the webhook screen is not found for a referrer", async ({ page }) => {
  await signIn(page, "owner@northwind.test");
  expect((await page.goto("/admin/webhooks"))?.status()).toBe(404);
});
