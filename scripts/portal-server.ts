/**
 * The portal's HTTP server (`npm start`; `npm run dev` and the e2e server run it too): Next.js
 * for every page, action and route — except Acuity's webhook, which is answered here on the
 * raw request by the same receiver the Next route uses (lib/acuity-sync/receive-webhook.ts).
 * Why: Next's per-request pipeline costs ~2.5 ms of CPU on the 2-core benchmark machine, which
 * held acknowledgements near 380/s with a p99 of ~250 ms at 50 concurrent deliveries
 * (`npm run bench:webhooks`); Acuity must never wait on us.
 *
 *   node --import tsx scripts/portal-server.ts [dev|start]    PORT (3000); listens on every interface, as `next start` does
 *
 * In dev, Next hot-reloads app code; the webhook fast path's modules load once (restart for them).
 */
import http from "node:http";
import { stampSocketAddress, trustSocketAddressHeader } from "@/lib/audit/stamp-socket-address";
import { exitWithParent } from "@/services/exit-with-parent";

const dev = process.argv[2] === "dev";
// Before Next (and React) load: they pick their development or production builds from it.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
const port = Number(process.env.PORT ?? 3000);
// The client address (rate limit, audit) starts from the socket, which only this server knows.
trustSocketAddressHeader();

const { default: next } = await import("next");
const { ACUITY_WEBHOOK_PATH } = await import("@/lib/acuity-sync/receive-webhook");
const { handleAcuityWebhookRequest } = await import("@/lib/acuity-sync/node-webhook-handler");

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const pathOf = (url: string | undefined) => (url ?? "/").split("?", 1)[0];
const server = http.createServer((req, res) => {
  stampSocketAddress(req);
  if (req.method === "POST" && pathOf(req.url) === ACUITY_WEBHOOK_PATH) {
    void handleAcuityWebhookRequest(req, res);
    return;
  }
  void handle(req, res);
});
// Next's dev server keeps its hot-reload socket on upgrades.
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));

// Longer than the idle timeout of the proxies and load balancers put in front (often 60 s), so
// the portal never closes a kept-alive connection they are about to reuse (a 502 there).
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`> IME Portal (${dev ? "development" : "production"}) on http://localhost:${port}`);
});

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  server.close();
  await app.close().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.on("SIGHUP", shutdown);
// Its launcher (npm run dev, the e2e server) killed outright: do not live on holding the port.
exitWithParent(() => void shutdown());
