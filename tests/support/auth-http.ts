/**
 * The real /api/auth route handlers served over HTTP, like the browser reaches them, with a
 * caller's cookie, proxy header and browser.
 */
import { randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { getAuth } from "@/lib/auth/auth";
import { serveRoutes } from "./route-server";

export interface AuthServer {
  /** POST a JSON body to /api/auth<path>, as a browser on the portal's origin would. */
  post: (path: string, body: unknown, from?: Caller) => Promise<Response>;
  get: (path: string, from?: Caller) => Promise<Response>;
  close: () => Promise<void>;
}

/**
 * Who is calling: their session cookie, an x-forwarded-for header (as a proxy — or the caller
 * itself — wrote it), their browser, and the address their TCP connection comes from.
 */
export interface Caller {
  cookie?: string;
  forwardedFor?: string;
  userAgent?: string;
  /** Source address of the connection, any 127.x.y.z; default: one picked for this server. */
  socketAddress?: string;
}

/** A loopback address of its own, so files signing in at once never share a limiter bucket. */
export const randomLoopbackAddress = () =>
  `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** An HTTP request from a chosen local address (fetch cannot choose one), answered as a Response. */
function send(
  url: string,
  method: string,
  headers: Headers,
  socketAddress: string,
  body?: string,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: Object.fromEntries(headers), localAddress: socketAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
              responseHeaders.append(name, one);
          }
          const status = res.statusCode ?? 500;
          resolve(
            new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), {
              status,
              headers: responseHeaders,
            }),
          );
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function serveAuthRoute(): Promise<AuthServer> {
  const served = await serveRoutes({ GET, POST });
  const base = `${served.origin}/api/auth`;
  const defaultSocketAddress = randomLoopbackAddress();
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
      return send(
        `${base}${path}`,
        "POST",
        headers,
        from?.socketAddress ?? defaultSocketAddress,
        JSON.stringify(body),
      );
    },
    get: (path, from) =>
      send(`${base}${path}`, "GET", headersFor(from), from?.socketAddress ?? defaultSocketAddress),
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
  const { user } = await getAuth().api.createUser({
    body: { email, name: `${role} ${tag}`, password, role },
  });
  return { id: user.id, email, password };
}
