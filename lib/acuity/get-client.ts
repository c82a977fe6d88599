import { createAcuityClient, type AcuityClient } from "./client";
import { readAcuityConfigFromEnv } from "./config";

let cached: { key: string; client: AcuityClient } | null = null;

/**
 * The app's client, configured from the environment on first use (never at import time,
 * so builds and tests that never call Acuity need no credentials). Rebuilt if the env
 * changes, which only tests do.
 */
export function getAcuityClient(): AcuityClient {
  const config = readAcuityConfigFromEnv();
  const key = JSON.stringify(config);
  if (!cached || cached.key !== key) cached = { key, client: createAcuityClient(config) };
  return cached.client;
}
