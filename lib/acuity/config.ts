import { config, type Config } from "@/lib/config";

/** Where and as whom the client talks to Acuity. Read from the configuration only on demand. */
export interface AcuityConfig {
  userId: string;
  apiKey: string;
  baseUrl: string;
  /** Per-attempt timeout; Acuity is usually quick, a hung socket must not hold a page. */
  timeoutMs?: number;
}

export const DEFAULT_ACUITY_TIMEOUT_MS = 10_000;

export class AcuityConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AcuityConfigError";
  }
}

/**
 * ACUITY_USER_ID and ACUITY_API_KEY are required to talk to Acuity; ACUITY_BASE_URL points at
 * the local emulator in dev/test; ACUITY_TIMEOUT_MS bounds each attempt.
 */
export function readAcuityConfigFromEnv(values: Config = config()): AcuityConfig {
  const { ACUITY_USER_ID: userId, ACUITY_API_KEY: apiKey } = values;
  if (!userId || !apiKey) {
    throw new AcuityConfigError("ACUITY_USER_ID and ACUITY_API_KEY must be set to talk to Acuity");
  }
  return { userId, apiKey, baseUrl: values.ACUITY_BASE_URL, timeoutMs: values.ACUITY_TIMEOUT_MS };
}
