// A CommonJS bundle: its named exports are not visible to ESM import statements.
import nextEnv from "@next/env";
import { markEnvironmentChanged, rawNodeEnv } from "@/lib/config/environment";
import { printProblem } from "./terminal";

/**
 * Every command reads its configuration the way Next.js does for the portal: `.env`,
 * `.env.local`, `.env.development` / `.env.production` (by NODE_ENV) and their `.local`
 * twins, with variables already set in the process winning. Call it first, before anything
 * reads the configuration — so `npm run db:migrate` migrates the database the portal would use.
 */
export function loadCommandEnv(dev = rawNodeEnv() !== "production", dir = process.cwd()): void {
  // Not the logger: its own settings (LOG_LEVEL, LOG_FORMAT) may be in the file being read.
  nextEnv.loadEnvConfig(dir, dev, {
    info: () => {},
    error: (...args: unknown[]) => printProblem(args.map(String).join(" ")),
  });
  // @next/env wrote process.env itself: config() must parse again.
  markEnvironmentChanged();
}
