import { isIP } from "node:net";
import { config } from "@/lib/config";
import { portalServerStampsSocketAddress, SOCKET_ADDRESS_TRUSTED_ENV } from "@/lib/config/environment";

/** Who did it and from where — what every audit row records besides the action itself. */
export interface AuditContext {
  /** The user who acted: the admin, when impersonating. */
  actorUserId: string;
  /** The user impersonated while acting, else null. */
  impersonatedUserId: string | null;
  ipAddress: string;
  userAgent: string | null;
}

/** Recorded when no client address is known (system jobs, a request that did not come through the portal server). */
export const UNKNOWN_IP = "0.0.0.0";

/**
 * The TCP peer's address, as the portal server (scripts/portal-server.ts) saw the socket. It
 * sets this header on every request, overwriting whatever a client sent under that name.
 */
export const SOCKET_ADDRESS_HEADER = "x-ime-socket-address";

/**
 * Set to "1" in the process environment by the portal server before Next loads. Without it
 * (say, plain `next start`) nobody overwrites SOCKET_ADDRESS_HEADER, so a client could choose
 * it: the header is then ignored and the address is unknown.
 */
export { SOCKET_ADDRESS_TRUSTED_ENV };

/**
 * TRUSTED_PROXY_HOPS: how many reverse proxies in front of the portal append to
 * x-forwarded-for. 0 (the default) trusts none — the socket address is the client. With N, the
 * client is the address the outermost trusted proxy saw: the Nth entry from the right of
 * x-forwarded-for, the socket address counting as the first hop. Entries to the left of it were
 * written by the client and are never believed. (lib/config checks it is a whole number 0–99.)
 */
export const trustedProxyHops = (): number => config().TRUSTED_PROXY_HOPS;

const normalizeIp = (raw: string | undefined) => {
  const value = raw?.trim().replace(/^::ffff:/, "");
  return value && isIP(value) ? value : null;
};

/**
 * The client's address: the socket address, or with TRUSTED_PROXY_HOPS = N the address the N
 * trusted proxies report (see trustedProxyHops). The sign-in rate limiter and every audit row use
 * this one function, so they agree. Anything that is not an IP literal gives UNKNOWN_IP, so the
 * INET column never rejects an audit row.
 */
export function clientIpFromHeaders(headers: Headers, hops = trustedProxyHops()): string {
  const socket = portalServerStampsSocketAddress() ? headers.get(SOCKET_ADDRESS_HEADER) : null;
  if (!socket) return UNKNOWN_IP;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const chain = [...forwarded, socket];
  // Fewer entries than trusted hops: a proxy did not append; the leftmost is the furthest known.
  return normalizeIp(chain[Math.max(0, chain.length - 1 - hops)]) ?? UNKNOWN_IP;
}

export function requestInfoFromHeaders(headers: Headers): Pick<AuditContext, "ipAddress" | "userAgent"> {
  return { ipAddress: clientIpFromHeaders(headers), userAgent: headers.get("user-agent") };
}
