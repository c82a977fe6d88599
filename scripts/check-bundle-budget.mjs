/**
 * First-load JavaScript budget: every page's JavaScript — what the browser must fetch before the
 * page works, gzipped as it travels — stays within BUDGET_BYTES (150 kB). Reads the production
 * build (.next, after `next build`), nothing timed, so it can fail a test:
 *
 *   node scripts/check-bundle-budget.mjs [.next dir]     prints every page, exit 1 if one is over
 *
 * What counts (Next 16 no longer prints "First Load JS"): the framework's root chunks every page
 * runs (`rootMainFiles` of .next/build-manifest.json) plus the chunks of the page's entries — its
 * layouts and the page itself — in its client reference manifest
 * (.next/server/app/<route>/page_client-reference-manifest.js, `entryJSFiles`). Chunks loaded
 * later (next/dynamic, import()) are not in either, and polyfills only reach old browsers
 * (nomodule), so neither counts. Each file is counted once per page, gzipped at level 9.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";

export const BUDGET_BYTES = 150 * 1000;

/** "/(portal)/bookings/(list)/page" → "/bookings": the address people type. */
export function routeOf(entryName) {
  const segments = entryName
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function findFiles(dir, name, found = []) {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, name, found);
    else if (entry.name === name) found.push(full);
  }
  return found;
}

/** The manifest is a script that assigns globalThis.__RSC_MANIFEST[entry]; run it in a box of its own. */
function readClientReferenceManifest(file) {
  const box = {};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), box, { filename: file, timeout: 5000 });
  return box.__RSC_MANIFEST ?? {};
}

/** Every page of the build with its first-load JavaScript, heaviest first. */
export function measureFirstLoad(nextDir) {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));
  const rootFiles = buildManifest.rootMainFiles ?? [];
  const gzipped = new Map();
  const sizeOf = (file) => {
    const relative = file.replace(/^\/?_next\//, "");
    if (!gzipped.has(relative)) {
      const bytes = fs.readFileSync(path.join(nextDir, relative));
      gzipped.set(relative, zlib.gzipSync(bytes, { level: 9 }).length);
    }
    return gzipped.get(relative);
  };

  const pages = [];
  for (const file of findFiles(path.join(nextDir, "server", "app"), "page_client-reference-manifest.js")) {
    for (const [entryName, manifest] of Object.entries(readClientReferenceManifest(file))) {
      if (!entryName.endsWith("/page")) continue;
      const files = new Set(rootFiles.map((f) => f.replace(/^\/?_next\//, "")));
      for (const chunks of Object.values(manifest.entryJSFiles ?? {}))
        for (const chunk of chunks) files.add(chunk.replace(/^\/?_next\//, ""));
      const bytes = [...files].reduce((sum, chunk) => sum + sizeOf(chunk), 0);
      pages.push({ route: routeOf(entryName), bytes, files: files.size });
    }
  }
  return pages.sort((a, b) => b.bytes - a.bytes);
}

function main() {
  const nextDir = path.resolve(process.argv[2] ?? ".next");
  if (!fs.existsSync(path.join(nextDir, "build-manifest.json"))) {
    process.stderr.write(`No production build in ${nextDir}: run \`npm run build\` first.\n`);
    process.exit(2);
  }
  const pages = measureFirstLoad(nextDir);
  if (pages.length === 0) {
    process.stderr.write(
      `No page manifests found under ${nextDir}/server/app: has Next changed its output?\n`,
    );
    process.exit(2);
  }
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  for (const page of pages)
    process.stdout.write(
      `${page.bytes > BUDGET_BYTES ? "OVER" : "ok  "} ${kb(page.bytes).padStart(9)}  ${page.route}\n`,
    );
  const over = pages.filter((page) => page.bytes > BUDGET_BYTES);
  process.stdout.write(
    over.length === 0
      ? `every page's first-load JavaScript within ${kb(BUDGET_BYTES)} gzip\n`
      : `${over.length} pages over ${kb(BUDGET_BYTES)} gzip of first-load JavaScript\n`,
  );
  process.exit(over.length === 0 ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
