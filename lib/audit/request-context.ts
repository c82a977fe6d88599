import { isIP } from "node:net";

/** Who did it and from where — what every audit row records besides the action itself. */
export interface AuditContext {
  /** The user who acted: the admin, when impersonating. */
  actorUserId: string;
  /** The user impersonated while acting, else null. */
  impersonatedUserId: string | null;
  ipAddress: string;
  userAgent: string | null;
}

/** Recorded when no client address is known (system jobs, a missing proxy header). */
export const UNKNOWN_IP = "0.0.0.0";

/**
 * The client IP: the first hop of x-forwarded-for (the client as the first proxy saw it),
 * else x-real-ip, else the address Next.js itself forwards. Anything that is not an IP
 * literal is dropped so the INET column never rejects an audit row.
 */
export function clientIpFromHeaders(headers: Headers): string {
  const candidates = [headers.get("x-forwarded-for")?.split(",")[0], headers.get("x-real-ip")];
  for (const raw of candidates) {
    const value = raw?.trim().replace(/^::ffff:/, "");
    if (value && isIP(value)) return value;
  }
  return UNKNOWN_IP;
}

export function requestInfoFromHeaders(headers: Headers): Pick<AuditContext, "ipAddress" | "userAgent"> {
  return { ipAddress: clientIpFromHeaders(headers), userAgent: headers.get("user-agent") };
}
