/**
 * First-load JavaScript ≤ 150 kB gzip on every page (issue 14), read from the build this suite
 * runs against (`npm test` builds before Playwright) by scripts/check-bundle-budget.mjs — sizes,
 * not timings, so it is deterministic.
 *
 * Every page is held to it, the booking page and the booking form included since 3 Dec 2026: what
 * only some visits use loads when it is opened — cancel, reschedule with its calendar, editing the
 * referral details, uploading (the transfer and the queue), an administrator's stage correction and
 * waive form — and the booking form's plain fields (examinee, notes, referral details) are written
 * on the server and marked through FormErrorsProvider. What every portal page carries: React + Next
 * ≈ 132 kB, the shell (nav links, notification bell, live region, route focus) ≈ 6.5 kB, the root
 * layout ≈ 3.5 kB — ≈ 143 kB; the booking form adds its calendar (≈ 7 kB), the heaviest page.
 */
import path from "node:path";
import { expect, test } from "./support/test";
// @ts-expect-error -- a plain .mjs script without types; its exports are used as documented.
import { BUDGET_BYTES, measureFirstLoad } from "../../scripts/check-bundle-budget.mjs";

test("every page's first-load JavaScript is within 150 kB gzip", () => {
  const pages = measureFirstLoad(path.resolve(".next")) as { route: string; bytes: number }[];
  expect(
    pages.length,
    "no page manifests found in .next: has Next changed its build output?",
  ).toBeGreaterThan(10);
  const over = pages
    .filter((page) => page.bytes > BUDGET_BYTES)
    .map((page) => `${page.route}: ${(page.bytes / 1000).toFixed(1)} kB`);
  expect(over, "pages over their first-load JavaScript budget").toEqual([]);
});
