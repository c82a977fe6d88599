/**
 * A button's colours change at once. Eased (transition-colors), the shades between disabled or
 * resting indigo and the hover's passed through lighter ones than either (#6667ff: 4.2:1 behind
 * white text) — an axe scan taken just after a click, the pointer still on the button, caught one
 * and failed (the invoicing spec, once in three CI runs).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./support/test";

test("a primary button under the pointer shows its hover colour at once, its text readable", async ({
  page,
}) => {
  await page.goto("/forgot-password");
  const button = page.getByRole("button", { name: "Send the link" });
  const background = () => button.evaluate((element) => getComputedStyle(element).backgroundColor);
  const resting = await background();
  await button.hover();
  const atOnce = await background();
  expect(atOnce).not.toBe(resting);
  // Whatever it shows the moment the pointer arrives is what it keeps.
  await page.mouse.move(0, 0);
  await button.hover();
  expect(await background()).toBe(atOnce);
  const { violations } = await new AxeBuilder({ page })
    .include("main")
    .withRules(["color-contrast"])
    .analyze();
  expect(violations.flatMap((violation) => violation.nodes.map((node) => node.failureSummary))).toEqual([]);
});
