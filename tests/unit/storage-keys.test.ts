import { describe, expect, it } from "vitest";
import { buildDocumentKey, isDocumentKeyFor } from "@/lib/storage/keys";

describe("document keys", () => {
  it("scopes keys by organization and booking and ends in a fresh id", () => {
    const key = buildDocumentKey("org123", "bk456");
    expect(key).toMatch(/^org\/org123\/booking\/bk456\/[a-z0-9]{20,}$/);
    expect(buildDocumentKey("org123", "bk456")).not.toBe(key);
    expect(isDocumentKeyFor(key, "org123", "bk456")).toBe(true);
  });

  it("does not let an id steer the key elsewhere", () => {
    expect(() => buildDocumentKey("../other-org", "bk456")).toThrow();
    expect(() => buildDocumentKey("org123", "bk/../../x")).toThrow();
    expect(() => buildDocumentKey("", "bk456")).toThrow();
  });

  it("tells a key of another organization or booking apart", () => {
    const key = buildDocumentKey("org123", "bk456");
    expect(isDocumentKeyFor(key, "org999", "bk456")).toBe(false);
    expect(isDocumentKeyFor(key, "org123", "bk999")).toBe(false);
    expect(isDocumentKeyFor("org/org123/booking/bk456/../../x", "org123", "bk456")).toBe(false);
  });
});
