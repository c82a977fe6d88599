import { expect, test } from "./support/test";
import { scanAtBothWidths } from "./support/accessibility";
import { startBrennanBooking } from "./support/booking-form";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";

const EXAMINEE = "Rowan Referral-Detail";
const CLAIM = "WC-E2E-4471";

test("a referrer books with a claim number, sees it on the booking and changes the reference; an admin changes the organization's due days", async ({
  page,
}) => {
  // Two people's stories and four screens scanned at two widths: more than the default on a loaded machine.
  test.setTimeout(600_000);
  await signIn(page, "motor@northwind.test");

  // The booking form: Dr. Brennan's first free time, the examinee, and the referral details.
  await startBrennanBooking(page, EXAMINEE, "(212) 555-0177");
  await page.getByLabel("Claim or matter number (optional)").fill(CLAIM);
  await page.getByLabel("Type of report requested (optional)").fill("File review");

  // An injury "in the future": refused, the field marked and focused, the summary names it.
  const injury = page.getByLabel("Date of injury (optional)");
  await injury.fill("2999-01-01");
  const book = page.getByRole("button", { name: "Book examination" });
  await book.click();
  await expect(injury).toHaveAttribute("aria-invalid", "true");
  await expect(injury).toBeFocused();
  await expect(injury).toHaveAccessibleDescription(/cannot be in the future/);
  const summary = page.getByRole("alert").filter({ hasText: "The booking was not made" });
  await expect(summary).toContainText("Date of injury: The date of injury cannot be in the future");
  await expect(book).toBeEnabled();
  await scanAtBothWidths(page, "booking-form-referral-error");

  await injury.fill("2026-10-05");
  await book.click();
  await expect(page).toHaveURL(/\/bookings\/[a-z0-9]+\?booked=1$/);
  const bookingId = new URL(page.url()).pathname.split("/").at(-1)!;
  const details = page.getByTestId("referral-details");
  await expect(details.getByTestId("referral-claimNumber")).toHaveText(CLAIM);
  await expect(details.getByTestId("referral-dateOfInjury")).toHaveText("Oct 5, 2026");
  await expect(details.getByTestId("referral-reportType")).toHaveText("File review");
  await expect(details.getByTestId("referral-caseManagerReference")).toHaveText("Not given");

  // Edit in place: the reference only.
  await details.getByRole("button", { name: "Edit referral details" }).click();
  await expect(details.getByRole("heading", { name: "Edit referral details" })).toBeFocused();
  await details.getByLabel("Case manager's reference (optional)").fill("CM-NW-0042");
  await details.getByRole("button", { name: "Save referral details" }).click();
  await expect(details.getByRole("status")).toHaveText("Referral details saved.");
  await expect(details.getByTestId("referral-caseManagerReference")).toHaveText("CM-NW-0042");
  await expect(details.getByRole("button", { name: "Edit referral details" })).toBeFocused();
  const [stored] = await queryPortalDatabase<{ claim_number: string; case_manager_reference: string }>(
    "SELECT claim_number, case_manager_reference FROM bookings WHERE id = $1",
    [bookingId],
  );
  expect(stored).toEqual({ claim_number: CLAIM, case_manager_reference: "CM-NW-0042" });
  const [audit] = await queryPortalDatabase<{ metadata: unknown }>(
    "SELECT metadata FROM audit_logs WHERE resource_id = $1 AND action = 'booking.referral_details_changed'",
    [bookingId],
  );
  expect(audit?.metadata).toEqual({ changes: { caseManagerReference: { from: null, to: "CM-NW-0042" } } });
  await scanAtBothWidths(page, "booking-page-referral-details");
  await signOut(page);

  // The admin: a Northwind report being written shows its due day; the organization's setting moves it.
  await signIn(page, "admin@ime.test");
  const [owed] = await queryPortalDatabase<{ id: string; organization_id: string; report_due_on: string }>(
    `SELECT b.id, b.organization_id, to_char(b.report_due_on, 'YYYY-MM-DD') AS report_due_on
       FROM bookings b JOIN organizations o ON o.id = b.organization_id
      WHERE o.slug = 'northwind-insurance' AND b.current_progress = 'generating_report' AND b.status = 'active'
      ORDER BY b.appointment_date LIMIT 1`,
  );
  await page.goto(`/bookings/${owed!.id}`);
  await expect(page.getByTestId("report-due")).toBeVisible();
  await expect(page.getByTestId("report-due").locator("time")).toHaveAttribute(
    "datetime",
    owed!.report_due_on,
  );
  await scanAtBothWidths(page, "booking-page-report-due");

  await page.goto(`/admin/organizations/${owed!.organization_id}`);
  const setting = page.getByTestId("report-due-setting");
  const days = setting.getByLabel("Reports due after (business days)");
  await expect(days).toHaveValue("10");
  await expect(days).toHaveAccessibleDescription(/moves the due day of every report still owed/);
  await days.fill("0");
  await setting.getByRole("button", { name: "Save" }).click();
  await expect(days).toHaveAttribute("aria-invalid", "true");
  await expect(days).toBeFocused();
  await expect(setting.getByRole("alert")).toContainText("from 1 to 60");
  await scanAtBothWidths(page, "admin-organization-report-due-error");

  await days.fill("3");
  await setting.getByRole("button", { name: "Save" }).click();
  await expect(setting.getByRole("status")).toHaveText("Saved.");
  await expect(days).toHaveValue("3");
  const [moved] = await queryPortalDatabase<{ report_due_on: string; days: number }>(
    `SELECT to_char(b.report_due_on, 'YYYY-MM-DD') AS report_due_on, s.report_due_business_days AS days
       FROM bookings b JOIN organization_settings s ON s.organization_id = b.organization_id
      WHERE b.id = $1`,
    [owed!.id],
  );
  expect(moved?.days).toBe(3);
  expect(moved!.report_due_on < owed!.report_due_on).toBe(true);
  await page.goto(`/bookings/${owed!.id}`);
  await expect(page.getByTestId("report-due").locator("time")).toHaveAttribute(
    "datetime",
    moved!.report_due_on,
  );
});
