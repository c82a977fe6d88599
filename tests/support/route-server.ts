import http from "node:http";
import type { AddressInfo } from "node:net";
import { stampSocketAddress, trustSocketAddressHeader } from "@/lib/audit/stamp-socket-address";

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * Serves Next.js route handlers (a route.ts's exported GET/POST) over real HTTP on a free port,
 * so senders — the Acuity emulator, a load generator, a test playing the browser — reach our
 * code the way they reach the running portal. Every response header comes back, Set-Cookie
 * included, so a sign-in yields a usable cookie. Methods without a handler answer 405. Like the
 * portal server, it records each request's socket address (lib/audit/stamp-socket-address.ts).
 */
export async function serveRoutes(
  handlers: Partial<Record<"GET" | "POST", RouteHandler>>,
): Promise<{ origin: string; close: () => Promise<void> }> {
  trustSocketAddressHeader();
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    stampSocketAddress(req);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const handler = handlers[req.method as "GET" | "POST"];
    if (!handler) return void res.writeHead(405).end();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const response = await handler(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      }),
    );
    res.statusCode = response.status;
    response.headers.forEach((value, name) => name !== "set-cookie" && res.setHeader(name, value));
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader("set-cookie", cookies);
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  // node:http does not await its listener: a failure anywhere (a handler, an aborted body) is
  // answered 500 here rather than left as an unhandled rejection.
  const server = http.createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The Acuity webhook route's POST, served at its path. */
export async function serveRoute(
  handler: RouteHandler,
): Promise<{ url: string; close: () => Promise<void> }> {
  const served = await serveRoutes({ POST: handler });
  return { url: `${served.origin}/api/webhooks/acuity`, close: served.close };
}
