/**
 * The only code that touches `process.env` (the lint rule in eslint.config.mjs keeps it so).
 * Nothing here imports zod: a light module, loaded first by instrumentation.ts.
 *
 * Writes go through `setEnvironment`, which also tells config() to parse again. The version
 * lives on globalThis because Next's bundle and the portal server's own modules are separate
 * copies of this file in one process.
 */
type Raw = Record<string, string | undefined>;

const shared = ((globalThis as Record<string, unknown>).__imeEnvironment ??= { version: 0 }) as {
  version: number;
};

/** Bumped by every write through this module; config() re-parses when it moved. */
export const environmentVersion = (): number => shared.version;

/** The raw values of `names`, with empty or blank values as unset (`NAME=` in a .env file). */
export function readVariables(names: readonly string[]): Raw {
  const raw: Raw = {};
  for (const name of names) {
    const value = process.env[name]?.trim();
    raw[name] = value ? value : undefined;
  }
  return raw;
}

/** Sets variables for this process (and the children it starts afterwards). */
export function setEnvironment(values: Raw, options: { onlyUnset?: boolean } = {}): void {
  for (const [name, value] of Object.entries(values)) {
    if (options.onlyUnset && process.env[name]) continue;
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  shared.version += 1;
}

/** Something outside this module wrote process.env (@next/env loading the .env files). */
export const markEnvironmentChanged = (): void => {
  shared.version += 1;
};

/** A copy of the whole environment, for a child process (`spawn(…, { env })`). */
export const environmentForChild = (overrides: Raw = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...overrides,
});

/**
 * NODE_ENV as it is now, before any configuration file is loaded (services/command-env.ts
 * picks .env.development or .env.production by it). Everything else reads config().NODE_ENV.
 */
export const rawNodeEnv = (): string | undefined => process.env.NODE_ENV;

// NEXT_RUNTIME is read in instrumentation.ts itself (Next must see it literally there).
/** Set by Next.js itself: true while `next build` runs the app's code (collecting pages), where nothing may start. */
export const isNextBuildPhase = (): boolean => process.env.NEXT_PHASE === "phase-production-build";

/**
 * Set to "1" by the portal server (scripts/portal-server.ts) before Next loads: from then on it
 * stamps every request with the socket's address, so the app may believe that header. Not an
 * operator's setting — an environment variable because it must reach Next's module copies.
 */
export const SOCKET_ADDRESS_TRUSTED_ENV = "IME_PORTAL_SERVER_SETS_SOCKET_ADDRESS";
export const portalServerStampsSocketAddress = (): boolean => process.env[SOCKET_ADDRESS_TRUSTED_ENV] === "1";
export const markPortalServerStampsSocketAddress = (): void =>
  setEnvironment({ [SOCKET_ADDRESS_TRUSTED_ENV]: "1" });
