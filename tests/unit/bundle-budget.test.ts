/**
 * scripts/check-bundle-budget.mjs reads a Next build's manifests the way Next 16 writes them: the
 * root chunks every page runs, plus the chunks of the page's own entries (layouts and page), each
 * file counted once and gzipped. Checked on a small build-shaped folder, so the rule is held
 * without building; tests/e2e/bundle-budget.spec.ts runs it on the real build.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without types; its two exports are used as documented.
import { BUDGET_BYTES, measureFirstLoad, routeOf } from "@/scripts/check-bundle-budget.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-budget-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Text that gzip cannot shrink much, so sizes are easy to reason about. */
const noise = (bytes: number, seed: number) => {
  let state = seed;
  let text = "";
  while (text.length < bytes) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    text += String.fromCharCode(33 + (state % 90));
  }
  return text;
};
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;

write("static/chunks/root.js", noise(4000, 1));
write("static/chunks/layout.js", noise(2000, 2));
write("static/chunks/shared.js", noise(3000, 3));
write("static/chunks/form.js", noise(5000, 4));
write("static/chunks/lazy-chart.js", noise(9000, 5));
write("build-manifest.json", JSON.stringify({ rootMainFiles: ["static/chunks/root.js"], polyfillFiles: [] }));
const manifest = (entry: string, entryJSFiles: Record<string, string[]>) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ clientModules: {}, entryJSFiles })};`;
write(
  "server/app/sign-in/page_client-reference-manifest.js",
  manifest("/sign-in/page", {
    "[project]/app/layout": ["static/chunks/layout.js"],
    "[project]/app/sign-in/page": [
      "static/chunks/layout.js",
      "static/chunks/shared.js",
      "static/chunks/form.js",
    ],
  }),
);
write(
  "server/app/(portal)/bookings/(list)/page_client-reference-manifest.js",
  manifest("/(portal)/bookings/(list)/page", {
    "[project]/app/layout": ["static/chunks/layout.js"],
    "[project]/app/(portal)/layout": ["static/chunks/shared.js"],
    "[project]/app/(portal)/bookings/(list)/page": ["/_next/static/chunks/shared.js"],
  }),
);

describe("first-load JavaScript budget", () => {
  it("is 150 kB gzip", () => {
    expect(BUDGET_BYTES).toBe(150_000);
  });

  it("names pages by their address, without route groups", () => {
    expect(routeOf("/(portal)/bookings/(list)/page")).toBe("/bookings");
    expect(routeOf("/sign-in/page")).toBe("/sign-in");
    expect(routeOf("/page")).toBe("/");
  });

  it("counts the root chunks and each of the page's entry chunks once, gzipped; lazy chunks not at all", () => {
    const pages = measureFirstLoad(dir) as { route: string; bytes: number; files: number }[];
    const byRoute = Object.fromEntries(pages.map((page) => [page.route, page]));
    expect(byRoute["/sign-in"]).toEqual({
      route: "/sign-in",
      bytes:
        gz("static/chunks/root.js") +
        gz("static/chunks/layout.js") +
        gz("static/chunks/shared.js") +
        gz("static/chunks/form.js"),
      files: 4,
    });
    expect(byRoute["/bookings"]).toEqual({
      route: "/bookings",
      bytes: gz("static/chunks/root.js") + gz("static/chunks/layout.js") + gz("static/chunks/shared.js"),
      files: 3,
    });
    // Heaviest first.
    expect(pages.map((page) => page.route)).toEqual(["/sign-in", "/bookings"]);
  });
});
