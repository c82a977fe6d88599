/**
 * The test/dev control surface: act "directly in Acuity" (as staff would in its UI) and
 * flip the failure switches. The same operations back the HTTP routes under /__control/
 * and the functions on the in-process emulator handle.
 */
import type { IncomingMessage } from "node:http";
import {
  cancelAppointment,
  changeAppointmentType,
  createAppointment,
  rescheduleAppointment,
  updateAppointment,
  type OperationContext,
} from "./appointments";
import { EmulatorHttpError, badRequest, readJsonObject, toId } from "./http-util";
import { renderAppointment, type RenderedAppointment } from "./render";
import type { TrafficControl } from "./traffic";
import type { ActionStyle, ReleaseOrder, WebhookDelivery } from "./webhooks";

/** Who Acuity records as the author of changes made in its own UI. */
export const DEFAULT_STAFF_EMAIL = "frontdesk@provider.test";

export interface EmulatorControls {
  /** Books as staff: no availability check, webhooks fire, `scheduledBy` defaults to staff. */
  createAppointmentDirectly(input: Record<string, unknown>): RenderedAppointment;
  /** `datetime`/`calendarID` → rescheduled; `appointmentTypeID`, contact fields/notes/fields → changed. */
  changeAppointmentDirectly(id: number, input: Record<string, unknown>): RenderedAppointment;
  cancelAppointmentDirectly(
    id: number,
    input?: { cancelNote?: string; noShow?: boolean },
  ): RenderedAppointment;
  /** Every appointment, cancelled included, oldest id first. */
  listAllAppointments(): RenderedAppointment[];
  failNextRequests(count: number, status?: number): void;
  /**
   * The next `count` requests do their work, then drop the connection instead of answering; with
   * `outage`, the next `requests` requests after each then answer `status` (Acuity went away).
   */
  loseNextAnswers(count?: number, outage?: { requests: number; status: number }): void;
  setResponseDelay(ms: number): void;
  /** Every API answer waits until the returned function is called (connections stay open). */
  holdAnswers(): () => void;
  /** API requests admitted and not answered yet. */
  openRequests(): number;
  duplicateNextWebhook(count?: number): void;
  dropNextWebhook(count?: number): void;
  holdWebhooks(): void;
  releaseWebhooks(order?: ReleaseOrder): number;
  listDeliveries(): WebhookDelivery[];
  /** Waits until every webhook emitted so far (and not held) has been attempted. */
  settleWebhooks(): Promise<void>;
  setWebhookTargets(targets: string[]): void;
  setWebhookActionStyle(style: ActionStyle): void;
  /** Appointments back to the seeds, deliveries and switches cleared (targets kept). */
  reset(): void;
}

export function createControls(ctx: OperationContext, traffic: TrafficControl): EmulatorControls {
  const { store, webhooks } = ctx;
  return {
    createAppointmentDirectly(input) {
      const scheduledBy =
        input.scheduledBy === undefined ? DEFAULT_STAFF_EMAIL : (input.scheduledBy as string | null);
      return renderAppointment(createAppointment(ctx, input, { admin: true, scheduledBy }));
    },
    changeAppointmentDirectly(id, input) {
      const { datetime, calendarID, appointmentTypeID, ...contact } = input;
      const moves = datetime !== undefined || calendarID !== undefined;
      const edits = Object.keys(contact).length > 0;
      if (!moves && !edits && appointmentTypeID === undefined)
        throw badRequest("invalid_request", "Nothing to change.");
      // A move to another calendar alone keeps the time, as Acuity's "change calendar" does.
      const when = datetime ?? (moves ? store.get(id)?.startsAt : undefined);
      let result = moves
        ? rescheduleAppointment(ctx, id, { datetime: when, calendarID }, { admin: true })
        : undefined;
      if (appointmentTypeID !== undefined) result = changeAppointmentType(ctx, id, appointmentTypeID);
      if (edits) result = updateAppointment(ctx, id, contact);
      return renderAppointment(result!);
    },
    cancelAppointmentDirectly(id, input = {}) {
      return renderAppointment(cancelAppointment(ctx, id, { ...input }, { admin: true }));
    },
    listAllAppointments: () =>
      store
        .all()
        .sort((a, b) => a.id - b.id)
        .map(renderAppointment),
    failNextRequests: (count, status = 500) => traffic.failNext(count, status),
    loseNextAnswers: (count = 1, outage) => traffic.loseNextAnswers(count, outage),
    holdAnswers: () => traffic.holdAnswers(),
    openRequests: () => traffic.open,
    setResponseDelay: (ms) => {
      traffic.delayMs = Math.max(0, ms);
    },
    duplicateNextWebhook: (count = 1) => webhooks.duplicateNext(count),
    dropNextWebhook: (count = 1) => webhooks.dropNext(count),
    holdWebhooks: () => webhooks.hold(),
    releaseWebhooks: (order = "in-order") => webhooks.release(order),
    listDeliveries: () => webhooks.deliveries(),
    settleWebhooks: () => webhooks.settle(),
    setWebhookTargets: (targets) => {
      webhooks.targets = [...targets];
    },
    setWebhookActionStyle: (style) => {
      webhooks.actionStyle = style;
    },
    reset: () => {
      store.reset();
      webhooks.reset();
      traffic.reset();
    },
  };
}

const count = (value: unknown, fallback = 1) => {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 0) throw badRequest("invalid_request", "count must be a whole number.");
  return n;
};

/** Routes `/__control/...` (`path` is below /__control). Answers JSON. */
export async function routeControl(
  controls: EmulatorControls,
  req: IncomingMessage,
  path: string,
): Promise<unknown> {
  const method = req.method ?? "GET";
  const body = method === "GET" ? {} : await readJsonObject(req);
  const idMatch = /^\/appointments\/(\d+)\/(change|cancel)$/.exec(path);

  if (method === "GET" && path === "/appointments") return controls.listAllAppointments();
  if (method === "POST" && path === "/appointments") return controls.createAppointmentDirectly(body);
  if (method === "POST" && idMatch?.[2] === "change")
    return controls.changeAppointmentDirectly(toId(idMatch[1])!, body);
  if (method === "POST" && idMatch?.[2] === "cancel")
    return controls.cancelAppointmentDirectly(toId(idMatch[1])!, body);
  if (method === "POST" && path === "/fail-next") {
    const status = Number(body.status ?? 500);
    if (status !== 429 && (status < 500 || status > 599))
      throw badRequest("invalid_request", "status must be 429 or 5xx.");
    controls.failNextRequests(count(body.count), status);
    return { ok: true };
  }
  if (method === "POST" && path === "/lose-next") {
    const outage =
      body.outageRequests === undefined
        ? undefined
        : { requests: count(body.outageRequests), status: Number(body.outageStatus ?? 503) };
    if (outage && outage.status !== 429 && (outage.status < 500 || outage.status > 599))
      throw badRequest("invalid_request", "outageStatus must be 429 or 5xx.");
    controls.loseNextAnswers(count(body.count), outage);
    return { ok: true };
  }
  if (method === "POST" && path === "/delay") {
    controls.setResponseDelay(count(body.ms, 0));
    return { ok: true };
  }
  if (method === "POST" && path === "/webhooks/duplicate-next")
    return (controls.duplicateNextWebhook(count(body.count)), { ok: true });
  if (method === "POST" && path === "/webhooks/drop-next")
    return (controls.dropNextWebhook(count(body.count)), { ok: true });
  if (method === "POST" && path === "/webhooks/hold") return (controls.holdWebhooks(), { ok: true });
  if (method === "POST" && path === "/webhooks/release") {
    const order = (body.order ?? "in-order") as ReleaseOrder;
    if (!["in-order", "reversed", "shuffled"].includes(order))
      throw badRequest("invalid_request", "order must be in-order, reversed or shuffled.");
    return { released: controls.releaseWebhooks(order) };
  }
  if (method === "GET" && path === "/webhooks/deliveries") {
    await controls.settleWebhooks();
    return controls.listDeliveries();
  }
  if (method === "PUT" && path === "/webhooks/targets") {
    const targets = body.targets;
    if (!Array.isArray(targets) || !targets.every((t) => typeof t === "string" && URL.canParse(t))) {
      throw badRequest("invalid_request", "targets must be a list of URLs.");
    }
    controls.setWebhookTargets(targets as string[]);
    return { targets };
  }
  if (method === "PUT" && path === "/webhooks/action-style") {
    if (body.style !== "bare" && body.style !== "prefixed")
      throw badRequest("invalid_request", "style must be bare or prefixed.");
    controls.setWebhookActionStyle(body.style);
    return { ok: true };
  }
  if (method === "POST" && path === "/reset") return (controls.reset(), { ok: true });
  throw new EmulatorHttpError(404, "not_found", `No such control route: ${method} ${path}`);
}
