/**
 * From report to paid, in the browser: the admin drafts the organization's invoice for the
 * period of its unbilled charges (the demo seed made them through the stage changes that cause
 * them) and issues it; the owner finds it under Invoices and downloads the PDF, which parses
 * back with its number and total; the admin marks it paid and the invoice's bookings show Paid.
 * Then each invoice screen is scanned with axe at desktop and phone width (screenshots kept in
 * artifacts/e2e for review).
 */
import { PDFParse } from "pdf-parse";
import { scanAtBothWidths } from "./support/accessibility";
import { queryPortalDatabase, signIn, signOut } from "./support/portal";
import { expect, test } from "./support/test";

const ADMIN = "admin@ime.test";
const OWNER = "owner@northwind.test";

interface Unbilled {
  organization_id: string;
  organization_name: string;
  first_day: string;
  last_day: string;
  bookings: string[];
}

/** Northwind's unbilled examination charges whose bookings wait for payment, and the days they span (billing zone). */
async function northwindUnbilled(): Promise<Unbilled> {
  const [row] = await queryPortalDatabase<Unbilled>(
    `SELECT o.id AS organization_id, o.name AS organization_name,
            to_char(min(c.occurred_at AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS first_day,
            to_char(max(c.occurred_at AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD') AS last_day,
            array_agg(DISTINCT c.booking_id) FILTER (WHERE c.kind = 'examination' AND b.current_progress = 'report_generated') AS bookings
       FROM charges c
       JOIN organizations o ON o.id = c.organization_id
       JOIN bookings b ON b.id = c.booking_id
      WHERE o.slug = 'northwind-insurance' AND c.waived_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.charge_id = c.id AND l.live)
      GROUP BY o.id, o.name`,
  );
  if (!row?.bookings?.length)
    throw new Error("the demo seed has no unbilled examination of Northwind to invoice");
  return row;
}

test("an admin issues the month's invoice, the owner downloads it, paying it marks the bookings Paid", async ({
  page,
}) => {
  // Three sign-ins, a PDF and eight axe scans: generous, so a loaded machine is slower, never red.
  test.setTimeout(900_000);
  const unbilled = await northwindUnbilled();
  page.on("dialog", (dialog) => void dialog.accept());

  await signIn(page, ADMIN);
  await page.goto("/admin/billing/invoices");
  const form = page.getByTestId("draft-invoice-form");
  await form.getByLabel("Organization").selectOption({ label: unbilled.organization_name });
  await form.getByLabel("First day").fill(unbilled.first_day);
  await form.getByLabel("Last day").fill(unbilled.last_day);
  await form.getByRole("button", { name: "Draft invoice" }).click();
  await expect(form.getByRole("status")).toContainText("Draft made");
  await scanAtBothWidths(page, "invoicing-admin-list");

  const draftRow = page
    .getByTestId("invoice-row")
    .filter({ hasText: unbilled.organization_name })
    .filter({ hasText: "Draft" })
    .first();
  await draftRow.getByRole("link").click();
  await expect(page.getByTestId("invoice-number")).toHaveText("Draft (no number yet)");
  await page.getByTestId("issue-invoice").getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByTestId("invoice-number")).toHaveText(/^INV-\d{4}-\d{4,}$/);
  await expect(page.getByTestId("invoice-state")).toHaveText("Issued");
  const number = await page.getByTestId("invoice-number").innerText();
  const invoiceUrl = page.url();
  const total = (
    await page.getByTestId("invoice-lines").locator("tfoot tr").last().locator("td").innerText()
  ).trim();
  await scanAtBothWidths(page, "invoicing-admin-invoice");
  await signOut(page);

  // The owner: Invoices in the main navigation, the invoice, its PDF.
  await signIn(page, OWNER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
  await expect(page).toHaveURL(/\/organization\/invoices$/);
  await scanAtBothWidths(page, "invoicing-owner-list");
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByTestId("invoice-number")).toHaveText(number);
  await scanAtBothWidths(page, "invoicing-owner-invoice");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("invoice-download").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const bytes = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  const parser = new PDFParse({ data: bytes });
  const text = (await parser.getText()).text;
  await parser.destroy();
  expect(text).toContain(number);
  expect(text).toContain(`Total (${total.split(" ")[0]}) ${total}`);
  await signOut(page);

  // The admin marks it paid: its examination bookings show Paid.
  await signIn(page, ADMIN);
  await page.goto(invoiceUrl);
  await page.getByTestId("mark-invoice-paid").getByRole("button", { name: "Mark paid" }).click();
  await expect(page.getByTestId("invoice-state")).toHaveText("Paid");
  for (const bookingId of unbilled.bookings) {
    await page.goto(`/bookings/${bookingId}`);
    await expect(page.getByTestId("progress-current")).toHaveText("Paid");
  }
});
