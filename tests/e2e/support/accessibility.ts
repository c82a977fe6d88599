/**
 * "Look at what you built", enforced: a screenshot of the page at desktop (1280) and phone (390)
 * width into the e2e artifacts, and an axe-core scan at each width (WCAG 2.2 AA tags) that fails
 * the test on any serious or critical violation. The failure is soft (the test goes on and fails at
 * its end), so one run lists the violations of every screen a test visits. Leaves the page at
 * desktop width. No allow-list: a serious or critical violation is fixed, not excused.
 *
 * It also checks what axe does not: that every label on the page names a control that is there —
 * a label left without its input (a control dropped on its way to the browser) passes axe and
 * leaves a form that cannot be filled in — and that at phone width the page does not scroll sideways.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { ARTIFACTS_DIR } from "./paths";

const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

/** The first few offending nodes with axe's reason, and how many more (a list of 50 rows says little more). */
function describeNodes(nodes: { target: unknown[]; failureSummary?: string }[]): string {
  const shown = nodes.slice(0, 3).map((node) => {
    const why = node.failureSummary?.split("\n").slice(1).join("; ").trim();
    return `${node.target.join(" ")}${why ? ` (${why})` : ""}`;
  });
  return `${shown.join(", ")}${nodes.length > 3 ? `, and ${nodes.length - 3} more` : ""}`;
}

/** Labels whose control is missing: `for` naming no form control, or no `for` and no control inside. */
async function labelsWithoutControl(page: Page): Promise<string[]> {
  return page.locator("label").evaluateAll((labels) => {
    const labelable = new Set(["INPUT", "SELECT", "TEXTAREA", "BUTTON", "METER", "OUTPUT", "PROGRESS"]);
    return labels
      .filter((label) => {
        const target = label.getAttribute("for")
          ? document.getElementById(label.getAttribute("for")!)
          : label.querySelector("input, select, textarea, button, meter, output, progress");
        return !target || !labelable.has(target.tagName);
      })
      .map(
        (label) =>
          `"${(label.textContent ?? "").trim()}"${label.getAttribute("for") ? ` (for=${label.getAttribute("for")})` : ""}`,
      );
  });
}

export async function scanAtBothWidths(
  page: Page,
  name: string,
  options: { include?: string; fullPage?: boolean } = {},
) {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  // Next streams a page's metadata: after a server action refreshes the page, its <title> comes back
  // a moment after the content the test waited for (CI once scanned in between: "document-title").
  // Scan the page as it settles — a page that never gets its title still fails here.
  await expect.poll(() => page.title(), { message: `${name}: the page's title` }).not.toBe("");
  expect.soft(await labelsWithoutControl(page), `${name}: labels without their control`).toEqual([]);
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    if (size.width < 640) {
      // WCAG 1.4.10 reflow: at phone width the page itself never scrolls sideways (a wide table
      // scrolls inside its own box).
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(pageWidth, `${name}: the page's width at ${size.width}px`).toBeLessThanOrEqual(size.width);
    }
    await page.screenshot({
      path: path.join(ARTIFACTS_DIR, `${name}-${size.width}.png`),
      fullPage: options.fullPage ?? true,
    });
    let axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]);
    if (options.include) axe = axe.include(options.include);
    const results = await axe.analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect
      .soft(
        serious.map((v) => `${v.id}: ${v.help} — ${describeNodes(v.nodes)}`),
        `${name} at ${size.width}px`,
      )
      .toEqual([]);
  }
  await page.setViewportSize(WIDTHS[0]);
}
