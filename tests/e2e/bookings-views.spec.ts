/**
 * The bookings list as people meet it: Upcoming / Past / Cancelled / All tabs (links with
 * aria-current, state in the URL, a count each), the claim number typed in the search box, the
 * document indicators and the report downloaded from the row, and on a phone a card per booking
 * with its progress in view and nothing to scroll sideways. Each view and Admin → Bookings are
 * scanned with axe at 1280 and 390 wide (screenshots in artifacts/e2e).
 */
import { expect, test, type Locator, type Page } from "./support/test";
import { scanAtBothWidths } from "./support/accessibility";
import { bookingRows, queryPortalDatabase, signIn, signOut } from "./support/portal";

const OWNER = "owner@northwind.test";
const CLAIM = "NW-CLM-90417";
const REPORT = "views-report.pdf";

/** A booking's document chip (a row's or a phone card's), found by its list's name and its word. */
const documentChip = (booking: Locator, name: string) =>
  booking.getByRole("list", { name: "Documents" }).getByRole("listitem").filter({ hasText: name });

async function uploadReport(page: Page) {
  const section = page.getByTestId("documents-section");
  await section.getByTestId("upload-category").selectOption({ label: "Report" });
  await section.getByTestId("upload-input").setInputFiles({
    name: REPORT,
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% the examination's report\n"),
  });
  await expect(section.getByTestId("upload-row").filter({ hasText: REPORT })).toHaveAttribute(
    "data-status",
    "done",
    { timeout: 30_000 },
  );
}

test("the bookings list: views, a claim number found, document indicators, the report from the row, cards on a phone", async ({
  page,
}) => {
  test.setTimeout(10 * 60_000);
  // A past examination of Northwind's, given a claim number (the booking form's field is another story).
  const [booking] = await queryPortalDatabase<{ id: string; name: string }>(
    `SELECT b.id, b.examinee_name AS name FROM bookings b JOIN organizations o ON o.id = b.organization_id
      WHERE o.name = 'Northwind Insurance' AND b.status = 'active' AND b.appointment_date < now()
        AND b.current_progress NOT IN ('cancelled', 'no_show')
      ORDER BY b.appointment_date DESC LIMIT 1`,
  );
  expect(booking).toBeDefined();
  await queryPortalDatabase(`UPDATE bookings SET claim_number = $1 WHERE id = $2`, [CLAIM, booking!.id]);

  // The admin puts the report on it, and sees Admin → Bookings: the same table with their tools.
  await signIn(page, "admin@ime.test");
  await page.goto(`/bookings/${booking!.id}`);
  await uploadReport(page);
  await page.goto("/admin/bookings?view=all");
  await expect(page.getByTestId("bookings-table")).toBeVisible();
  await expect(page.getByTestId("view-tab-all")).toHaveAttribute("aria-current", "page");
  const adminRow = bookingRows(page).first();
  await expect(adminRow.getByRole("checkbox")).toBeVisible();
  await expect(adminRow.getByText("Correct / move")).toBeVisible();
  // Its fields are labelled in the visible layout (the phone card holds its own copy, own ids).
  await adminRow.getByText("Correct / move").click();
  await expect(adminRow.getByLabel("New stage")).toBeVisible();
  await expect(adminRow.getByLabel("Organization / team")).toBeVisible();
  await adminRow.getByText("Correct / move").click();
  await expect(adminRow.getByRole("link", { name: "Audit trail" })).toBeVisible();
  await scanAtBothWidths(page, "admin-bookings-one-table");
  await signOut(page);

  await signIn(page, OWNER);
  await page.goto("/bookings");
  // Upcoming is the default: its tab is the current page, and its count is the list's.
  const upcoming = page.getByTestId("view-tab-upcoming");
  await expect(upcoming).toHaveAttribute("aria-current", "page");
  const upcomingCount = await upcoming.getByTestId("view-tab-count").innerText();
  await expect(page.getByTestId("booking-count")).toContainText(`${upcomingCount} upcoming`);
  for (const view of ["upcoming", "past", "cancelled", "all"] as const) {
    await page.getByTestId(`view-tab-${view}`).click();
    await expect(page.getByTestId(`view-tab-${view}`)).toHaveAttribute("aria-current", "page");
    if (view !== "upcoming") await expect(page).toHaveURL(new RegExp(`view=${view}`));
    await scanAtBothWidths(page, `bookings-view-${view}`);
  }
  // The four counts add up: All is Upcoming + Past + Cancelled.
  const counts = await Promise.all(
    ["upcoming", "past", "cancelled", "all"].map(async (view) =>
      Number(
        (await page.getByTestId(`view-tab-${view}`).getByTestId("view-tab-count").innerText()).replace(
          /\D/g,
          "",
        ),
      ),
    ),
  );
  expect(counts[0]! + counts[1]! + counts[2]!).toBe(counts[3]);

  // The claim number typed (any part, any case) finds the past booking; the row shows it.
  await page.getByTestId("view-tab-past").click();
  await page.getByPlaceholder("Search name, phone, claim number or reference…").fill("clm-9041");
  await expect(page).toHaveURL(/q=clm-9041/);
  const row = bookingRows(page).filter({ hasText: booking!.name });
  await expect(row).toHaveCount(1);
  await expect(row.getByText(`Claim ${CLAIM}`, { exact: true })).toBeVisible();
  // The chips: the word, and the state in words for a screen reader.
  await expect(documentChip(row, "Report")).toHaveAttribute("data-present", "true");
  await expect(documentChip(row, "Report")).toContainText("Report: uploaded");
  await expect(documentChip(row, "Brief")).toHaveAttribute("data-present", "false");
  await expect(documentChip(row, "Brief")).toContainText("Brief: not yet");

  // The report comes down from the row, without opening the booking.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: new RegExp(`^Download ${REPORT}`) }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(REPORT);

  // On a phone: a card, its progress in view, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page.getByTestId("booking-card").filter({ hasText: booking!.name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("booking-card-progress")).toBeInViewport();
  await expect(documentChip(card, "Report")).toBeVisible();
  // The card's download is the row's: the list's one click handler, a file saved, the page kept.
  const [cardDownload] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: new RegExp(`^Download ${REPORT}`) }).click(),
  ]);
  expect(cardDownload.suggestedFilename()).toBe(REPORT);
  await expect(page.getByTestId("bookings-table")).toBeHidden();
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  await scanAtBothWidths(page, "bookings-claim-search");
});

test("a page of bookings carries one layout: the table to a desktop, the cards to a phone, and a resize switches", async ({
  page,
}) => {
  await signIn(page, OWNER);
  const markupFor = async (userAgent: string) => {
    const html = await (
      await page.request.get("/bookings?view=all", { headers: { "user-agent": userAgent } })
    ).text();
    return {
      table: html.includes('data-testid="bookings-table"'),
      cards: html.includes('data-testid="booking-cards"'),
    };
  };
  expect(
    await markupFor("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"),
  ).toEqual({
    table: true,
    cards: false,
  });
  expect(
    await markupFor(
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    ),
  ).toEqual({ table: false, cards: true });

  // The browser follows its own width: a desktop window made narrow gets the cards, and back.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/bookings?view=all");
  await expect(page.getByTestId("bookings-table")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("booking-cards")).toBeVisible();
  await expect(page.getByTestId("bookings-table")).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByTestId("bookings-table")).toBeVisible();
  await expect(page.getByTestId("booking-cards")).toHaveCount(0);
});

test("a link whose page is on its way says so: the nav's and a view tab's bar, gone when the page arrives", async ({
  page,
}) => {
  await signIn(page, OWNER);
  // The page's data held back 1.5 s (a slow network, a busy server): the click must still show.
  await page.route(
    (url) => url.pathname === "/bookings",
    async (route) => {
      if (route.request().headers()["rsc"]) await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    },
  );
  await page.goto("/");
  const navLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Bookings" });
  await navLink.click();
  await expect(navLink.getByTestId("link-pending")).toBeAttached();
  await expect(page.getByRole("heading", { level: 1, name: "Bookings" })).toBeVisible();
  await expect(navLink).toHaveAttribute("aria-current", "page");
  await expect(navLink.getByTestId("link-pending")).toHaveCount(0);

  const pastTab = page.getByTestId("view-tab-past");
  await pastTab.click();
  await expect(pastTab.getByTestId("link-pending")).toBeAttached();
  await expect(pastTab).toHaveAttribute("aria-current", "page");
  await expect(pastTab.getByTestId("link-pending")).toHaveCount(0);
});
