/**
 * The e2e suite's `test` and `expect`: Playwright's, plus an automatic fixture that fails any test
 * whose page reported a Content-Security-Policy violation in its console — so the suite runs with
 * the CSP on and proves no screen needs more than it allows. Specs import from here, never from
 * "@playwright/test" directly.
 */
import { test as base, expect } from "@playwright/test";

const CSP_VIOLATION = /Content Security Policy|Content-Security-Policy/i;

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (CSP_VIOLATION.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "the page reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page, Locator, BrowserContext } from "@playwright/test";
