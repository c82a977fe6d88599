/**
 * Every response of the portal server carries `x-request-id`: the proxy's when it sent a sane
 * one, else a new one; Next sees the same id on the request and runs inside the log context
 * that names it. Served over real HTTP by the portal server's own request listener, with a
 * recording stand-in for Next's handler and the real webhook fast path (answered without Next).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACUITY_WEBHOOK_PATH } from "@/lib/acuity-sync/receive-webhook";
import { acceptRequestId } from "@/lib/log/request-id";
import { currentLogContext, type LogContext } from "@/lib/log/context";
import { routeOf } from "@/lib/log/request-context";
import { portalRequestListener } from "@/scripts/portal-request-listener";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const seenByNext: { header: string | string[] | undefined; context: LogContext | undefined }[] = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  Object.assign(process.env, {
    WEBHOOK_WORKER: "off",
    ACUITY_USER_ID: "1",
    ACUITY_API_KEY: "request-id-test",
  });
  server = http.createServer(
    portalRequestListener(async (req, res) => {
      // As Next would: after an await, still inside the request's context.
      await new Promise((resolve) => setTimeout(resolve, 1));
      seenByNext.push({ header: req.headers["x-request-id"], context: currentLogContext() });
      res.end("next");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await fetch(`${base}${path}`, { method, headers });
  await response.text();
  return response;
}

describe("x-request-id", () => {
  it("is generated when the request has none, and Next sees the same id in its headers and log context", async () => {
    const response = await get("/bookings?q=secret-token");
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    const seen = seenByNext.at(-1)!;
    expect(seen.header).toBe(id);
    expect(seen.context).toMatchObject({ requestId: id, route: "GET /bookings" });
  });

  it("is the proxy's own when sane", async () => {
    const given = "Root=1-67891233-abcdef012345678912345678";
    const response = await get("/", { "x-request-id": given });
    expect(response.headers.get("x-request-id")).toBe(given);
    expect(seenByNext.at(-1)!.header).toBe(given);
  });

  it("is replaced when too long or holding characters a log line should not", async () => {
    for (const given of ["a".repeat(129), "two words", 'quote"d', "new\u00a0line"]) {
      const response = await get("/", { "x-request-id": given });
      expect(response.headers.get("x-request-id")).toMatch(UUID);
    }
    expect(acceptRequestId(["a", "b"])).toMatch(UUID);
    expect(acceptRequestId(undefined)).toMatch(UUID);
  });

  it("is on the webhook fast path's answer too (Acuity's webhook is answered without Next)", async () => {
    const before = seenByNext.length;
    const generated = await get(ACUITY_WEBHOOK_PATH, { "x-acuity-signature": "forged" }, "POST");
    expect(generated.status).toBe(401);
    expect(generated.headers.get("x-request-id")).toMatch(UUID);
    const given = await get(ACUITY_WEBHOOK_PATH, { "x-request-id": "proxy-42" }, "POST");
    expect(given.status).toBe(401);
    expect(given.headers.get("x-request-id")).toBe("proxy-42");
    expect(seenByNext.length).toBe(before);
  });

  it("names the route without its query, and an invitation's id not at all", () => {
    expect(routeOf({ method: "POST", url: "/bookings/bk_1?x=1" })).toBe("POST /bookings/bk_1");
    expect(routeOf({ method: "GET", url: "/accept-invitation/inv_secret?y" })).toBe(
      "GET /accept-invitation/[id]",
    );
  });
});
