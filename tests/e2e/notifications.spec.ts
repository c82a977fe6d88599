/**
 * The headline notification, end to end: a specialist marks a report ready; the referrer who
 * booked it sees it on the bell (unread count, the sentence, a link to the booking); the e-mail
 * really arrived at the run's local SMTP server, naming the booking but never the examinee; and
 * its link, opened while signed out, leads through sign-in to the booking itself.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "./support/test";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { listMailbox, type MailboxMessage } from "@/lib/email/local-mailbox";
import { ARTIFACTS_DIR, E2E_MAILBOX_DIR_FILE } from "./support/paths";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";
import { insertTodaysExamination, REFERRER, SPECIALIST } from "./support/todays-examination";

/** The specialist's part, through the booking page: report started, uploaded, marked ready. */
async function markReportReady(page: Page, bookingId: string) {
  await signIn(page, SPECIALIST.email);
  await page.goto(`/bookings/${bookingId}`);
  const panel = page.getByTestId("progress-panel");
  await panel.getByTestId("progress-move-generating_report").click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "generating_report");
  const documents = page.getByTestId("documents-section");
  await documents.getByTestId("upload-category").selectOption({ label: "Report" });
  await documents.getByTestId("upload-input").setInputFiles({
    name: "ime-report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% IME report\n"),
  });
  await expect(page.getByTestId("documents-group-report").getByTestId("document-name")).toHaveText([
    "ime-report.pdf",
  ]);
  await page.reload();
  await panel.getByTestId("progress-move-report_generated").click();
  await expect(panel.getByTestId("progress-current")).toHaveAttribute("data-stage", "report_generated");
  await signOut(page);
}

/** The report-ready e-mail to `address` about `bookingId`, once the worker has delivered it. */
async function reportReadyMail(address: string, bookingId: string): Promise<MailboxMessage> {
  const dir = fs.readFileSync(E2E_MAILBOX_DIR_FILE, "utf8");
  let found: MailboxMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await listMailbox(dir)).find(
          (message) => message.to.includes(address) && (message.text ?? "").includes(bookingId),
        );
        return Boolean(found);
      },
      { message: `the report-ready e-mail to ${address}`, timeout: 120_000 },
    )
    .toBe(true);
  return found!;
}

test("report ready: the referrer's bell shows it, the e-mail arrives, and its link opens the booking after sign-in", async ({
  page,
}) => {
  const exam = await insertTodaysExamination();
  await markReportReady(page, exam.bookingId);

  // The bell: the fan-out runs in the background, so look again until it has.
  await signIn(page, REFERRER.email);
  const bell = page.getByTestId("notification-bell");
  const sentence = new RegExp(`Report ready — booking ${exam.bookingId} with ${SPECIALIST.name}`);
  await expect(async () => {
    await page.reload();
    await bell.click();
    await expect(page.getByTestId("notification-panel").getByText(sentence)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const item = page
    .getByTestId("notification-panel")
    .getByTestId("notification-item")
    .filter({ hasText: sentence });
  await expect(item).toHaveAttribute("data-unread", "true");
  // Never the examinee, in the bell.
  await expect(page.getByTestId("notification-panel")).not.toContainText(exam.examineeName);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "notification-bell-open.png") });

  // Escape closes it and gives focus back to the bell.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("notification-panel")).toHaveCount(0);
  await expect(bell).toBeFocused();

  // The e-mail, as the local SMTP server received it: the booking by reference and a link to it.
  const mail = await reportReadyMail(REFERRER.email, exam.bookingId);
  expect(mail.text).not.toContain(exam.examineeName);
  expect(mail.html ?? "").not.toContain(exam.examineeName);
  const link = new RegExp(`https?://[^\\s"<>]+/bookings/${exam.bookingId}`).exec(mail.text ?? "")?.[0];
  expect(link, "the e-mail links to the booking").toBeTruthy();

  // Opening the bell's item marks it read and goes to the booking.
  const unreadBefore = Number(await bell.getAttribute("data-unread"));
  await bell.click();
  await item.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/bookings/${exam.bookingId}$`));
  await expect(bell).toHaveAccessibleName(
    unreadBefore - 1 === 0 ? "Notifications, none unread" : `Notifications, ${unreadBefore - 1} unread`,
  );
  const [row] = await queryPortalDatabase<{ read_at: Date | null }>(
    `select n.read_at from notifications n join users u on u.id = n.user_id
      where u.email = $1 and n.booking_id = $2 and n.kind = 'booking.report_ready'`,
    [REFERRER.email, exam.bookingId],
  );
  expect(row?.read_at).not.toBeNull();
  await signOut(page);

  // The e-mail's link while signed out: sign in first, then the booking itself.
  const emailed = new URL(link!);
  await page.goto(`${emailed.pathname}${emailed.search}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("E-mail").fill(REFERRER.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/bookings/${exam.bookingId}$`));
  await expect(page.getByTestId("progress-current")).toHaveAttribute("data-stage", "report_generated");
});

/** Two unread notifications for the referrer about a booking of theirs, as the fan-out would leave them. */
async function insertUnreadNotifications(bookingId: string) {
  const [referrer] = await queryPortalDatabase<{ id: string }>("select id from users where email = $1", [
    REFERRER.email,
  ]);
  // Earlier specs of the run (homes, reports) leave this referrer unread notifications of their own.
  await queryPortalDatabase(
    "update notifications set read_at = now() where user_id = $1 and read_at is null",
    [referrer!.id],
  );
  for (const [kind, facts] of [
    ["booking.booked", {}],
    ["booking.cancelled", {}],
  ] as const) {
    const eventId = `e2e-event-${kind}-${bookingId}`;
    // Stored as already fanned out: the portal's sweeper would otherwise fan it out itself between
    // these two inserts and the second would collide with the notification it wrote.
    await queryPortalDatabase(
      "insert into notification_events (id, kind, booking_id, facts, fanned_out_at) values ($1, $2, $3, $4, now())",
      [eventId, kind, bookingId, JSON.stringify(facts)],
    );
    await queryPortalDatabase(
      "insert into notifications (id, event_id, user_id, booking_id, kind) values ($1, $2, $3, $4, $5)",
      [`e2e-notification-${kind}-${bookingId}`, eventId, referrer!.id, bookingId, kind],
    );
  }
}

test("the notifications page marks one and then all read; settings keep report-ready e-mails on", async ({
  page,
}) => {
  const exam = await insertTodaysExamination();
  await insertUnreadNotifications(exam.bookingId);
  await signIn(page, REFERRER.email);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const unreadItems = page.locator('[data-testid="notification-item"][data-unread="true"]');
  await expect(unreadItems).toHaveCount(2);
  await expect(page.getByTestId("notification-list")).not.toContainText(exam.examineeName);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notifications, 2 unread");
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "notifications-page.png"), fullPage: true });

  await page.getByRole("button", { name: /^Mark read: New booking/ }).click();
  await expect(unreadItems).toHaveCount(1);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notifications, 1 unread");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByTestId("unread-summary")).toContainText("Everything is read.");
  await expect(unreadItems).toHaveCount(0);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notifications, none unread");

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  const reportReady = page.getByRole("checkbox", { name: /Report ready/ });
  await expect(reportReady).toBeChecked();
  await expect(reportReady).toBeDisabled();
  const booked = page.getByRole("checkbox", { name: "Booking confirmed" });
  await booked.uncheck();
  await page.getByLabel("Time zone for e-mails").selectOption("America/Chicago");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(booked).not.toBeChecked();
  await expect(page.getByLabel("Time zone for e-mails")).toHaveValue("America/Chicago");
  const [stored] = await queryPortalDatabase<{ kind: string }>(
    "select p.kind from notification_preferences p join users u on u.id = p.user_id where u.email = $1",
    [REFERRER.email],
  );
  expect(stored).toEqual({ kind: "booking_booked" });
  // Back as it was, so the other specs' referrer gets every e-mail again.
  await booked.check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
});
