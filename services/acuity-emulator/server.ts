/**
 * A local stand-in for Acuity's API (which can't be reached from here): same endpoints,
 * shapes, errors and limits, plus signed webhooks, so the portal's real client runs in
 * dev and tests. Start it in-process with startAcuityEmulator or from the CLI (cli.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { OperationContext } from "./appointments";
import { routeApi } from "./api-routes";
import { createControls, routeControl, type EmulatorControls } from "./control";
import { EmulatorHttpError, sendError, sendJson, sleep } from "./http-util";
import { AppointmentStore, type EmulatorAppointmentSeed } from "./state";
import { TrafficControl } from "./traffic";
import { WebhookDispatcher, type ActionStyle } from "./webhooks";
import { log } from "@/lib/log";

export type { EmulatorAppointmentSeed } from "./state";
export type { ReleaseOrder, WebhookDelivery, ActionStyle } from "./webhooks";
export type { EmulatorControls } from "./control";

export interface AcuityEmulatorOptions {
  /** 0 = any free port. */
  port?: number;
  host?: string;
  userId: string;
  apiKey: string;
  webhookTargets?: string[];
  /** `bare` sends `action=scheduled`, `prefixed` sends `action=appointment.scheduled`. */
  webhookActionStyle?: ActionStyle;
  /** Persist appointments here as JSON; loaded on start if it exists. */
  stateFile?: string;
  initialAppointments?: EmulatorAppointmentSeed[];
  now?: () => Date;
  /** First id handed out (default 900001); tests sharing a database pick distinct ranges. */
  firstAppointmentId?: number;
  /** Acuity's limits; lower them only to provoke 429s. */
  limits?: { maxPerSecond?: number; maxConcurrent?: number; clock?: () => number; jitterSlack?: number };
}

export interface AcuityEmulator extends EmulatorControls {
  /** Base URL including /api/v1, ready for ACUITY_BASE_URL. */
  url: string;
  /** Where the control routes live (…/__control). */
  controlUrl: string;
  port: number;
  state: AppointmentStore;
  stop(): Promise<void>;
}

const API_PREFIX = "/api/v1";
const CONTROL_PREFIX = "/__control";

const unauthorized = () =>
  new EmulatorHttpError(401, "unauthorized", "Unauthorized: check your user ID and API key.");
const tooMany = () => new EmulatorHttpError(429, "too_many_requests", "Too many requests. Please slow down.");

function hasValidCredentials(req: IncomingMessage, userId: string, apiKey: string): boolean {
  const header = req.headers.authorization ?? "";
  if (!header.startsWith("Basic ")) return false;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  return decoded === `${userId}:${apiKey}`;
}

export async function startAcuityEmulator(options: AcuityEmulatorOptions): Promise<AcuityEmulator> {
  const now = options.now ?? (() => new Date());
  const store = new AppointmentStore(
    options.initialAppointments ?? [],
    now,
    options.stateFile,
    options.firstAppointmentId,
  );
  const webhooks = new WebhookDispatcher(
    options.apiKey,
    options.webhookTargets ?? [],
    options.webhookActionStyle,
  );
  const traffic = new TrafficControl(
    options.limits?.maxPerSecond,
    options.limits?.maxConcurrent,
    options.limits?.clock,
    options.limits?.jitterSlack,
  );
  const ctx: OperationContext = { store, webhooks, now };
  const controls = createControls(ctx, traffic);

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, params: URLSearchParams) {
    const done = traffic.admit();
    if (!done) return sendError(res, tooMany(), { "Retry-After": "1" });
    try {
      const injected = traffic.takeInjectedFailure();
      if (traffic.delayMs > 0) await sleep(traffic.delayMs);
      if (traffic.held) await traffic.held;
      if (injected === 429) return sendError(res, tooMany(), { "Retry-After": "1" });
      if (injected)
        return sendError(res, new EmulatorHttpError(injected, "internal_error", "Injected failure."));
      if (!hasValidCredentials(req, options.userId, options.apiKey)) return sendError(res, unauthorized());
      const answer = await routeApi(ctx, req, path, params);
      if (traffic.takeLostAnswer()) return void res.socket?.destroy();
      sendJson(res, answer.status, answer.body);
    } finally {
      done();
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const handled = path.startsWith(`${CONTROL_PREFIX}/`)
      ? routeControl(controls, req, path.slice(CONTROL_PREFIX.length)).then((body) =>
          sendJson(res, 200, body),
        )
      : path.startsWith(`${API_PREFIX}/`)
        ? handleApi(req, res, path.slice(API_PREFIX.length), url.searchParams)
        : Promise.reject(new EmulatorHttpError(404, "not_found", "Not found."));
    handled.catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof EmulatorHttpError) return sendError(res, error);
      log.error({ err: error }, "acuity emulator: a request failed unexpectedly");
      sendError(res, new EmulatorHttpError(500, "internal_error", "The emulator failed unexpectedly."));
    });
  });

  // Clients drop a pooled connection 1 s before the advertised keep-alive timeout; on a busy
  // machine Node's 5 s default let them reuse one the server had just closed (ECONNRESET).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? "127.0.0.1"}:${port}`;

  return {
    ...controls,
    url: `${origin}${API_PREFIX}`,
    controlUrl: `${origin}${CONTROL_PREFIX}`,
    port,
    state: store,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
