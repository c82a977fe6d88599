/** Where and as whom the client talks to Acuity. Read from the environment only on demand. */
export interface AcuityConfig {
  userId: string;
  apiKey: string;
  baseUrl: string;
  /** Per-attempt timeout; Acuity is usually quick, a hung socket must not hold a page. */
  timeoutMs?: number;
}

export const DEFAULT_ACUITY_BASE_URL = "https://acuityscheduling.com/api/v1";
export const DEFAULT_ACUITY_TIMEOUT_MS = 10_000;

export class AcuityConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AcuityConfigError";
  }
}

/**
 * ACUITY_USER_ID and ACUITY_API_KEY are required; ACUITY_BASE_URL points at the local
 * emulator in dev/test; ACUITY_TIMEOUT_MS is optional.
 */
export function readAcuityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AcuityConfig {
  const userId = env.ACUITY_USER_ID?.trim();
  const apiKey = env.ACUITY_API_KEY?.trim();
  if (!userId || !apiKey) {
    throw new AcuityConfigError("ACUITY_USER_ID and ACUITY_API_KEY must be set to talk to Acuity");
  }
  const baseUrl = (env.ACUITY_BASE_URL?.trim() || DEFAULT_ACUITY_BASE_URL).replace(/\/+$/, "");
  const timeout = Number(env.ACUITY_TIMEOUT_MS);
  return {
    userId,
    apiKey,
    baseUrl,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
  };
}
