/**
 * The real /api/auth route handlers served over HTTP, like the browser reaches them, with a
 * caller's cookie, proxy header and browser.
 */
import { randomBytes } from "node:crypto";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { getAuth } from "@/lib/auth/auth";
import { serveRoutes } from "./route-server";

export interface AuthServer {
  /** POST a JSON body to /api/auth<path>, as a browser on the portal's origin would. */
  post: (path: string, body: unknown, from?: Caller) => Promise<Response>;
  get: (path: string, from?: Caller) => Promise<Response>;
  close: () => Promise<void>;
}

/** Who is calling: their session cookie, the proxy's x-forwarded-for and their browser. */
export interface Caller {
  cookie?: string;
  forwardedFor?: string;
  userAgent?: string;
}

export async function serveAuthRoute(): Promise<AuthServer> {
  const served = await serveRoutes({ GET, POST });
  const base = `${served.origin}/api/auth`;
  const headersFor = (from: Caller = {}) => {
    const headers = new Headers({ origin: process.env.BETTER_AUTH_URL ?? "http://localhost:3000" });
    if (from.cookie) headers.set("cookie", from.cookie);
    if (from.forwardedFor) headers.set("x-forwarded-for", from.forwardedFor);
    if (from.userAgent) headers.set("user-agent", from.userAgent);
    return headers;
  };
  return {
    post: (path, body, from) => {
      const headers = headersFor(from);
      headers.set("content-type", "application/json");
      return fetch(`${base}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    },
    get: (path, from) => fetch(`${base}${path}`, { headers: headersFor(from) }),
    close: served.close,
  };
}

/** The cookie header a browser would send back after this response. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** A user with a password, made the way the admin console makes one. */
export async function createUserWithPassword(role: "admin" | "user") {
  const tag = randomBytes(4).toString("hex");
  const email = `${role}-${tag}@auth-route.test`;
  const password = `password-${tag}-long`;
  const { user } = await getAuth().api.createUser({ body: { email, name: `${role} ${tag}`, password, role } });
  return { id: user.id, email, password };
}
