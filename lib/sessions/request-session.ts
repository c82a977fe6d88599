import { headers } from "next/headers";
import { clientIpFromHeaders } from "@/lib/audit/request-context";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address-header";
import { getCurrentSession } from "@/lib/auth/current-session";
import type { SessionRequest } from "./session-request";

/** The page request's own session and headers, for the sessions actions. */
export const requestSession: SessionRequest = {
  currentSessionId: async () => (await getCurrentSession())?.session.id ?? null,
  authHeaders: async () => {
    const requestHeaders = new Headers(await headers());
    // As on the auth route: better-auth reads the client address from this one header only.
    requestHeaders.set(CLIENT_ADDRESS_HEADER, clientIpFromHeaders(requestHeaders));
    return requestHeaders;
  },
};
