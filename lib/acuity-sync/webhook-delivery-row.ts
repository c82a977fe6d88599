import { isUtf8 } from "node:buffer";
import { parseAcuityWebhookPayload } from "@/lib/acuity";
import { newId } from "@/lib/ids";

/** One verified delivery as it will be stored in webhook_events. */
export interface WebhookDeliveryRow {
  id: string;
  actionable: boolean;
  eventType: string;
  resourceId: string;
  /** JSON text for the jsonb column: the form's fields, or the body itself when they can't be stored. */
  payload: string;
}

const NUL = /\u0000/g;
const hasNul = (text: string) => text.includes("\u0000");

/**
 * What Acuity sent, in a form Postgres can hold. Text and jsonb refuse NUL, and bytes that are not
 * UTF-8 would be silently replaced when decoded, so such a body is kept whole instead of as its
 * fields: as text when only a decoded field holds the NUL (`%00`), else as base64 of the bytes.
 * Either way the delivery is stored as it came — and never fails the INSERT it shares.
 */
function payloadOf(raw: Buffer, form: Record<string, string>): Record<string, string> {
  if (raw.includes(0) || !isUtf8(raw)) return { rawBodyBase64: raw.toString("base64") };
  if (Object.entries(form).some(([name, value]) => hasNul(name) || hasNul(value)))
    return { rawBody: raw.toString("utf8") };
  return form;
}

/**
 * A verified delivery as a webhook_events row. Ids are made here, so no answer depends on the
 * order of returned rows; the event type and appointment id are columns (varchar), so a NUL in
 * them is shown as U+FFFD — such an id is no appointment id, and the event is not actionable.
 */
export function webhookRowFromBody(raw: Buffer): WebhookDeliveryRow {
  const text = raw.toString("utf8");
  const form = Object.fromEntries(new URLSearchParams(text));
  return {
    id: newId(),
    actionable: parseAcuityWebhookPayload(text) !== null,
    eventType: (form.action ?? "unknown").replace(NUL, "\uFFFD").slice(0, 100),
    resourceId: (form.id ?? "unknown").replace(NUL, "\uFFFD").slice(0, 255),
    payload: JSON.stringify(payloadOf(raw, form)),
  };
}
