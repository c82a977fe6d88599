// TEMPORARY (issue-6 branch only): exercises the progress panel through /dev-progress before the booking page exists.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ARTIFACTS_DIR } from "./support/paths";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";
import { insertTodaysExamination, SPECIALIST } from "./support/todays-examination";

test("progress panel: specialist moves, admin conflict, correction, impersonation shown", async ({ page }) => {
  const exam = await insertTodaysExamination();
  await signIn(page, SPECIALIST.email);
  await page.goto(`/dev-progress/${exam.bookingId}`);
  const panel = page.getByTestId("progress-panel");
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "scheduled");
  await expect(panel.getByTestId("progress-move-cancelled")).toHaveCount(0);
  await expect(panel.getByTestId("progress-move-no_show")).toBeEnabled();
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "dev-progress-1-scheduled.png"), fullPage: true });
  await panel.getByTestId("progress-note").fill("Examined at the clinic");
  await panel.getByTestId("progress-move-generating_report").click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "generating_report");
  await expect(panel.getByTestId("progress-entry").last().getByTestId("progress-entry-by")).toHaveText(SPECIALIST.name);
  await expect(panel.getByTestId("progress-move-report_generated")).toBeDisabled();
  await expect(panel.getByTestId("progress-move-report_generated-reason")).toContainText("Upload the report first");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "dev-progress-2-generating.png"), fullPage: true });

  const [owner] = await queryPortalDatabase<{ id: string }>("select id from users where email = 'owner@northwind.test'");
  await queryPortalDatabase(
    `insert into documents (id, booking_id, uploaded_by_id, s3_key, file_name, file_size, mime_type, category)
     values ($1, $2, $3, $4, 'report.pdf', 1000, 'application/pdf', 'report')`,
    [`${exam.bookingId}-report`, exam.bookingId, owner!.id, `e2e/${exam.bookingId}/report.pdf`],
  );
  await page.reload();
  await panel.getByTestId("progress-move-report_generated").click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "report_generated");
  await signOut(page);

  await signIn(page, "admin@ime.test");
  await page.goto(`/dev-progress/${exam.bookingId}`);
  await expect(panel.getByTestId("progress-move-payment_received")).toBeEnabled();
  await queryPortalDatabase("update bookings set current_progress = 'payment_received' where id = $1", [exam.bookingId]);
  await panel.getByTestId("progress-move-payment_received").click();
  await expect(panel.getByTestId("progress-error")).toContainText("This booking changed while you were looking");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "dev-progress-3-conflict.png"), fullPage: true });
  await panel.getByRole("button", { name: "Reload" }).click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "payment_received");

  await panel.getByTestId("progress-correct-stage").selectOption("report_generated");
  await panel.getByTestId("progress-correct-submit").click();
  await expect(panel.getByTestId("progress-error")).toContainText("needs a note");
  await panel.getByTestId("progress-correct-note").fill("Payment was recorded against the wrong booking");
  await panel.getByTestId("progress-correct-submit").click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "report_generated");
  await expect(panel.getByTestId("progress-entry").last().getByTestId("progress-entry-note")).toHaveText(
    "Correction: Payment was recorded against the wrong booking",
  );

  const [admin] = await queryPortalDatabase<{ id: string }>("select id from users where email = 'admin@ime.test'");
  const [priya] = await queryPortalDatabase<{ id: string }>("select id from users where email = $1", [SPECIALIST.email]);
  await queryPortalDatabase(
    "insert into booking_progress (id, booking_id, progress, changed_by_id, changed_for_id, notes) values ($1, $2, 'report_generated', $3, $4, 'while impersonating')",
    [`${exam.bookingId}-imp`, exam.bookingId, admin!.id, priya!.id],
  );
  await page.reload();
  await expect(panel.getByTestId("progress-entry").last().getByTestId("progress-entry-for")).toHaveText(SPECIALIST.name);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "dev-progress-4-admin.png"), fullPage: true });
});
