// A CommonJS bundle: its named exports are not visible to ESM import statements.
import nextEnv from "@next/env";
import { markEnvironmentChanged, rawNodeEnv } from "@/lib/config/environment";

/**
 * Every command reads its configuration the way Next.js does for the portal: `.env`,
 * `.env.local`, `.env.development` / `.env.production` (by NODE_ENV) and their `.local`
 * twins, with variables already set in the process winning. Call it first, before anything
 * reads the configuration — so `npm run db:migrate` migrates the database the portal would use.
 */
export function loadCommandEnv(dev = rawNodeEnv() !== "production", dir = process.cwd()): void {
  nextEnv.loadEnvConfig(dir, dev, { info: () => {}, error: console.error });
  // @next/env wrote process.env itself: config() must parse again.
  markEnvironmentChanged();
}
