import { headers } from "next/headers";
import type { OwnRequest } from "./two-factor-definitions";

/** The page request's own headers (its session cookie), for better-auth's backup-code check. */
export const ownRequest: OwnRequest = { authHeaders: async () => new Headers(await headers()) };
