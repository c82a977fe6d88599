import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in Acuity answering only GET /calendars, with calendars no other test (or the demo
 * seed, which links the emulator's six) uses. The app's real Acuity client talks to it over HTTP.
 */
export async function startCalendarServer(calendars: { id: number; name: string; timezone: string }[]) {
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url?.startsWith("/api/v1/calendars")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(calendars.map((c) => ({ ...c, email: "", location: "", description: "" }))));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ status_code: 404, message: "Not found", error: "not_found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
