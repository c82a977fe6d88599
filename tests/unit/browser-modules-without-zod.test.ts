/**
 * The modules client forms import for their bounds, words and own checks stay free of zod — zod
 * in one of them puts ≈ 30 kB gzip into every page whose form imports it (issue 14). Follows each
 * module's imports within the project, so a zod import two steps away is caught too; the server's
 * zod rules live beside them (limits.ts, password-policy.ts, referral-details.ts) and re-export them.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const BROWSER_MODULES = [
  "lib/validation/bounds.ts",
  "lib/auth/password-rule.ts",
  "lib/auth/password-reset-input.ts",
  "lib/auth/sign-in-input.ts",
  "lib/auth/auth-endpoint.ts",
  "lib/bookings/referral-fields.ts",
];

/** Packages a file imports at run time (type-only imports vanish from the bundle), with the project's own files followed. */
function packagesReached(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  for (const [, typeOnly, specifier] of source.matchAll(
    /^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm,
  )) {
    if (typeOnly || !specifier) continue;
    const local = specifier.startsWith("@/")
      ? path.join(ROOT, specifier.slice(2))
      : specifier.startsWith(".")
        ? path.resolve(path.dirname(file), specifier)
        : null;
    if (!local) {
      found.add(specifier);
      continue;
    }
    const resolved = [".ts", ".tsx", "/index.ts"].map((ext) => local + ext).find((f) => fs.existsSync(f));
    if (resolved) for (const name of packagesReached(resolved, seen)) found.add(name);
  }
  return found;
}

describe("modules client forms share carry no zod", () => {
  it.each(BROWSER_MODULES)("%s", (module) => {
    expect([...packagesReached(path.join(ROOT, module))].filter((name) => name.startsWith("zod"))).toEqual(
      [],
    );
  });

  it("sees a zod import when there is one (the check itself works)", () => {
    expect(packagesReached(path.join(ROOT, "lib/validation/limits.ts")).has("zod")).toBe(true);
    expect(packagesReached(path.join(ROOT, "lib/bookings/referral-details.ts")).has("zod")).toBe(true);
  });
});
