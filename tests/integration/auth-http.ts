/**
 * The real /api/auth route handlers served over HTTP, like the browser reaches them (unlike
 * tests/support/route-server.ts this passes Set-Cookie back, so a sign-in yields a usable cookie).
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { getAuth } from "@/lib/auth/auth";

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
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const handler = req.method === "GET" ? GET : req.method === "POST" ? POST : null;
    if (!handler) return void res.writeHead(405).end();
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    try {
      const response = await handler(request);
      res.statusCode = response.status;
      response.headers.forEach((value, name) => name !== "set-cookie" && res.setHeader(name, value));
      res.setHeader("set-cookie", response.headers.getSetCookie());
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth`;
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
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
