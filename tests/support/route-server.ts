import http from "node:http";
import type { AddressInfo } from "node:net";

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * Serves a Next.js route handler over real HTTP on a free port, so senders (the Acuity
 * emulator, a load generator) reach our code the way they reach the running portal.
 */
export async function serveRoute(handler: RouteHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    try {
      const response = await handler(
        new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }),
      );
      res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/acuity`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
