import fs from "node:fs";
import path from "node:path";
import { setEnvironment } from "@/lib/config/environment";

/**
 * The image runs the bundled portal server from Next's standalone folder: the built `.next/` is
 * there, but not next.config.ts (nor TypeScript to load it). Next's own standalone `server.js`
 * hands Next the configuration the build serialized into `.next/required-server-files.json`
 * through `__NEXT_PRIVATE_STANDALONE_CONFIG`, and Next then loads no config file; this does the
 * same. A production start from a checkout does it too: the configuration a build ran with is the
 * one its output needs (and Next would otherwise warn that `output: standalone` wants server.js).
 * Called before `next` is imported. Returns whether it did.
 */
export function applyBuiltNextConfig(dir = process.cwd()): boolean {
  const manifest = path.join(dir, ".next", "required-server-files.json");
  if (!fs.existsSync(manifest)) return false;
  const { config } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { config: unknown };
  setEnvironment({ __NEXT_PRIVATE_STANDALONE_CONFIG: JSON.stringify(config) });
  return true;
}
