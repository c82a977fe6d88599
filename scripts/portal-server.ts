/**
 * The portal's HTTP server (`npm start`; `npm run dev` and the e2e server run it too): Next.js
 * for every page, action and route — except Acuity's webhook, which is answered here on the
 * raw request by the same receiver the Next route uses (lib/acuity-sync/receive-webhook.ts).
 * Why: Next's per-request pipeline costs ~2.5 ms of CPU on the 2-core benchmark machine, which
 * held acknowledgements near 380/s with a p99 of ~250 ms at 50 concurrent deliveries
 * (`npm run bench:webhooks`); Acuity must never wait on us.
 *
 *   node --import tsx scripts/portal-server.ts [dev|start]    PORT (3000); listens on every interface, as `next start` does
 *   node portal-server.mjs                                     the same, bundled (npm run build:server), in the image
 *
 * In dev, Next hot-reloads app code; the webhook fast path's modules load once (restart for them).
 */
import http from "node:http";
import type { Duplex } from "node:stream";
import { trustSocketAddressHeader } from "@/lib/audit/stamp-socket-address";
import { prepareConnectionScope } from "@/db/connection-scope";
import { setEnvironment } from "@/lib/config/environment";
import { PORTAL_PRODUCTION_REQUIREMENTS } from "@/lib/config/startup";
import { startCommand } from "@/services/start-command";
import { exitWithParent } from "@/services/exit-with-parent";
import { writeAbortReasonStacksAtOnce } from "@/services/abort-reason-stacks";
import { closeHttpServer, onShutdownSignal } from "@/services/graceful-shutdown";
import { applyBuiltNextConfig } from "./standalone-next-config";

const dev = process.argv[2] === "dev";
// Before Next (and React) load: they pick their development or production builds from it.
setEnvironment({ NODE_ENV: dev ? "development" : "production" });
// The .env files as Next reads them, then every variable checked before Next loads: a production
// start with a missing or malformed one stops here with one message listing them all.
const { PORT: port } = startCommand("portal-server", { inProduction: PORTAL_PRODUCTION_REQUIREMENTS }, dev);
// The client address (rate limit, audit) starts from the socket, which only this server knows.
trustSocketAddressHeader();
// Before anything is served: the context database connections are opened in, so a pooled
// connection holds nothing of the request that happened to open it (db/connection-scope.ts).
prepareConnectionScope();
// Before React loads: a finished render's abort reason must not keep its frames (and through them
// the requests after it) alive (services/abort-reason-stacks.ts).
writeAbortReasonStacksAtOnce();

// The configuration `next build` serialized, not next.config.ts (which the image does not have).
if (!dev) applyBuiltNextConfig();

const { default: next } = await import("next");
// Stamps the client address and the request id, then the webhook fast path or Next.
const { portalRequestListener } = await import("./portal-request-listener");
const { readJobsConfig } = await import("@/lib/jobs/jobs-config");
const { stopBackgroundJobs } = await import("@/lib/jobs/background-jobs");
const { markShuttingDown } = await import("@/lib/health/shutdown-state");
const { closeDb } = await import("@/db/client");

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer(portalRequestListener(handle));
// Next's dev server keeps its hot-reload socket on upgrades.
const upgrade = app.getUpgradeHandler();
const upgraded = new Set<Duplex>();
server.on("upgrade", (req, socket, head) => {
  upgraded.add(socket);
  socket.once("close", () => upgraded.delete(socket));
  void upgrade(req, socket, head);
});

// Longer than the idle timeout of the proxies and load balancers put in front (often 60 s), so
// the portal never closes a kept-alive connection they are about to reuse (a 502 there).
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  // Output for the person who started it (and scripts waiting for it), not a log event.
  process.stdout.write(`> IME Portal (${dev ? "development" : "production"}) on http://localhost:${port}\n`);
});

/**
 * SIGTERM: /api/ready answers 503 (a load balancer drains this instance), no new connections,
 * in-flight requests finish within SHUTDOWN_GRACE_MS (25 s) and idle kept-alive connections close;
 * meanwhile the in-process jobs (if any) finish or hand back their work. Then Next, the database
 * pool, exit 0.
 */
const graceMs = readJobsConfig().shutdownGraceMs;
const shutdown = onShutdownSignal(async () => {
  markShuttingDown();
  await Promise.all([closeHttpServer(server, graceMs, upgraded), stopBackgroundJobs()]);
  await app.close().catch(() => {});
  await closeDb().catch(() => {});
}, graceMs);
// Its launcher (npm run dev, the e2e server) killed outright: do not live on holding the port.
exitWithParent(() => shutdown("parent process gone"));
