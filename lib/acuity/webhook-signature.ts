/**
 * Acuity signs each webhook with base64(HMAC-SHA256(raw body, API key)) in
 * `X-Acuity-Signature`. The emulator signs with the same function the portal verifies with.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const ACUITY_SIGNATURE_HEADER = "x-acuity-signature";

export function signAcuityWebhook(rawBody: string | Buffer, apiKey: string): string {
  return createHmac("sha256", apiKey).update(rawBody).digest("base64");
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Constant-time check over the raw bytes; false for a missing or malformed header. */
export function verifyAcuityWebhook(
  rawBody: string | Buffer,
  signatureHeader: string | null | undefined,
  apiKey: string,
): boolean {
  if (!signatureHeader || !apiKey) return false;
  const candidate = signatureHeader.trim();
  if (!BASE64.test(candidate)) return false;
  const expected = createHmac("sha256", apiKey).update(rawBody).digest();
  const given = Buffer.from(candidate, "base64");
  // timingSafeEqual throws on different lengths; a wrong length is simply a wrong signature.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

export type AcuityWebhookAction = "scheduled" | "rescheduled" | "canceled" | "changed";

const ACTIONS: readonly AcuityWebhookAction[] = ["scheduled", "rescheduled", "canceled", "changed"];

/** Static webhooks send `scheduled`, API-registered ones `appointment.scheduled`: accept both. */
export function parseWebhookAction(action: string | null | undefined): AcuityWebhookAction | null {
  if (typeof action !== "string") return null;
  const bare = action.trim().replace(/^appointment\./, "");
  return (ACTIONS as readonly string[]).includes(bare) ? (bare as AcuityWebhookAction) : null;
}

export interface AcuityWebhookPayload {
  action: AcuityWebhookAction;
  appointmentId: number;
  calendarID: number | null;
  appointmentTypeID: number | null;
}

const positiveInt = (value: string | null): number | null =>
  value !== null && /^\d+$/.test(value) ? Number(value) : null;

/**
 * Reads the form-encoded body. Webhooks carry only ids, so the caller should treat a
 * payload as "go and read appointment N now". Null when action or id is unusable.
 */
export function parseAcuityWebhookPayload(rawBody: string | Buffer): AcuityWebhookPayload | null {
  const form = new URLSearchParams(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8"));
  const action = parseWebhookAction(form.get("action"));
  const appointmentId = positiveInt(form.get("id"));
  if (!action || appointmentId === null) return null;
  return {
    action,
    appointmentId,
    calendarID: positiveInt(form.get("calendarID")),
    appointmentTypeID: positiveInt(form.get("appointmentTypeID")),
  };
}
