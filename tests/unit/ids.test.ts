import { isCuid } from "@paralleldrive/cuid2";
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";

describe("newId", () => {
  it("makes 24-character cuid2 ids that start with a letter", () => {
    for (let i = 0; i < 1_000; i++) {
      const id = newId();
      expect(id).toHaveLength(24);
      expect(id).toMatch(/^[a-z][0-9a-z]{23}$/);
      expect(isCuid(id)).toBe(true);
    }
  });

  // Large work, so a generous limit: on a loaded 2-core machine this took past the 5 s default.
  it("never repeats in 200,000 ids made in one burst", { timeout: 120_000 }, () => {
    const ids = new Set(Array.from({ length: 200_000 }, newId));
    expect(ids.size).toBe(200_000);
  });

  it("spreads characters evenly, as a hash does (no position stuck on a few values)", () => {
    const ids = Array.from({ length: 20_000 }, newId);
    for (let position = 1; position < 24; position++) {
      const seen = new Set(ids.map((id) => id[position]));
      expect(seen.size).toBe(36);
    }
  });
});
