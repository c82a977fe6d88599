/**
 * `npm run build:server` (run by `npm run build` after `next build`): bundles the portal server
 * and the commands the image needs into plain ES modules under dist/, which run with `node`
 * alone — no tsx, no TypeScript, no dev dependencies:
 *
 *   dist/portal-server.mjs              the HTTP server (Next + the webhook fast path)
 *   dist/commands/<name>.mjs            migrate, worker, create-admin, cleanup-uploads, acuity-reconcile, audit-verify
 *   dist/commands/chunks/…              code the entries share
 *
 * The image puts dist/ beside Next's standalone output (.next/standalone), whose node_modules
 * hold what the traced server needs. Left external, so the portal server and Next's own chunks
 * load the one copy there: `next`, `react`, `react-dom` (Next must see itself and React once).
 * Everything else (pg, drizzle, better-auth, zod, the AWS SDK, pino, @next/env …) is bundled:
 * the standalone trace copies only the files Next's routes use, and a command must not depend on
 * which those are. The build fails if an external is missing from .next/standalone/node_modules.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist");
const standalone = path.join(root, ".next", "standalone");

/** The image's commands: output name → source. */
export const ENTRIES = {
  "portal-server": "scripts/portal-server.ts",
  "commands/migrate": "db/migrate-cli.ts",
  "commands/worker": "scripts/worker.ts",
  "commands/create-admin": "scripts/create-admin.ts",
  "commands/cleanup-uploads": "scripts/cleanup-uploads.ts",
  "commands/acuity-reconcile": "scripts/acuity-reconcile.ts",
  "commands/audit-verify": "scripts/audit-verify.ts",
};

/** Packages resolved at run time from the standalone node_modules (see the header). */
const SHARED_WITH_NEXT = ["next", "react", "react-dom"];
/** Optional native addons the bundled libraries try and do without (pg's libpq binding). */
const OPTIONAL_NATIVE = ["pg-native"];

/**
 * React (react, react/jsx-runtime, react-dom/server) stays external, but is loaded with require():
 * its CommonJS entry points pick a production or development file at run time, and the
 * standalone trace keeps only the production one, so Node cannot read the named exports an ES
 * import of them needs (`import { jsx } from "react/jsx-runtime"` fails to link, and the e-mail
 * templates and @react-email use them). A require() returns the one module object — still the
 * copy Next loads — and esbuild's interop reads the names from it when they are used.
 */
const reactThroughRequire = {
  name: "react-through-require",
  setup(pluginBuild) {
    const shared = /^(react|react-dom)(\/.*)?$/;
    pluginBuild.onResolve({ filter: shared }, (args) =>
      args.namespace === "react-through-require"
        ? { path: args.path, external: true }
        : { path: args.path, namespace: "react-through-require" },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: "react-through-require" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(
    Object.entries(ENTRIES).map(([out, source]) => [out, path.join(root, source)]),
  ),
  outdir,
  outExtension: { ".js": ".mjs" },
  chunkNames: "commands/chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.9",
  tsconfig: path.join(root, "tsconfig.json"),
  external: [...SHARED_WITH_NEXT, ...SHARED_WITH_NEXT.map((name) => `${name}/*`), ...OPTIONAL_NATIVE],
  // Bundled CommonJS libraries call require(), __filename and __dirname, which ES modules lack.
  banner: {
    js: [
      'import { createRequire as __portalCreateRequire } from "node:module";',
      'import { fileURLToPath as __portalFileUrlToPath } from "node:url";',
      "const require = __portalCreateRequire(import.meta.url);",
      "const __filename = __portalFileUrlToPath(import.meta.url);",
      'const __dirname = __portalFileUrlToPath(new URL(".", import.meta.url));',
    ].join("\n"),
  },
  // The server must say which code runs in it, not carry a source map for every library.
  sourcemap: false,
  minify: false,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  plugins: [reactThroughRequire],
});

// The packages left to Next's trace must be there when the bundles run beside the standalone
// output. (Other externals are Node's own modules and optional imports the libraries wrap in
// try/catch, such as better-auth's `@opentelemetry/api`.)
const imported = new Set();
for (const output of Object.values(result.metafile.outputs))
  for (const { path: specifier, external } of output.imports) {
    const name = specifier.split("/")[0];
    if (external && SHARED_WITH_NEXT.includes(name)) imported.add(name);
  }
if (fs.existsSync(standalone)) {
  const missing = [...imported].filter((name) => !fs.existsSync(path.join(standalone, "node_modules", name)));
  if (missing.length > 0) {
    process.stderr.write(
      `build:server: ${missing.join(", ")} not in .next/standalone/node_modules; the image could not run\n`,
    );
    process.exit(1);
  }
}
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(
  `build:server: ${Object.keys(ENTRIES).length} entries bundled into dist/ (${(bytes / 1e6).toFixed(1)} MB; external: ${[...imported].join(", ")})\n`,
);
