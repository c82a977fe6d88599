import { headers } from "next/headers";
import type { AdminRequest } from "./better-auth";

/** The admin's own request headers (session cookie) for better-auth endpoints that need them. */
export const adminRequest: AdminRequest = { authHeaders: async () => new Headers(await headers()) };
