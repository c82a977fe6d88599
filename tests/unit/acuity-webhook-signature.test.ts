import { describe, expect, it } from "vitest";
import {
  parseAcuityWebhookPayload,
  parseWebhookAction,
  signAcuityWebhook,
  verifyAcuityWebhook,
} from "@/lib/acuity/webhook-signature";

const apiKey = "test-api-key";
const body = "action=scheduled&id=900001&calendarID=7101&appointmentTypeID=501";

describe("Acuity webhook signature", () => {
  it("matches base64(HMAC-SHA256(body, key)) computed independently", async () => {
    const { createHmac } = await import("node:crypto");
    expect(signAcuityWebhook(body, apiKey)).toBe(createHmac("sha256", apiKey).update(body).digest("base64"));
  });

  it("accepts a valid signature over the same raw bytes, as string or Buffer", () => {
    const signature = signAcuityWebhook(body, apiKey);
    expect(verifyAcuityWebhook(body, signature, apiKey)).toBe(true);
    expect(verifyAcuityWebhook(Buffer.from(body), signature, apiKey)).toBe(true);
  });

  it("rejects a missing or empty header", () => {
    expect(verifyAcuityWebhook(body, undefined, apiKey)).toBe(false);
    expect(verifyAcuityWebhook(body, null, apiKey)).toBe(false);
    expect(verifyAcuityWebhook(body, "", apiKey)).toBe(false);
  });

  it("rejects a signature made with another key", () => {
    expect(verifyAcuityWebhook(body, signAcuityWebhook(body, "other-key"), apiKey)).toBe(false);
  });

  it("rejects a tampered body", () => {
    const signature = signAcuityWebhook(body, apiKey);
    expect(verifyAcuityWebhook(body.replace("900001", "900002"), signature, apiKey)).toBe(false);
  });

  it("rejects malformed or truncated signatures without throwing", () => {
    const signature = signAcuityWebhook(body, apiKey);
    expect(verifyAcuityWebhook(body, "not base64 !!", apiKey)).toBe(false);
    expect(verifyAcuityWebhook(body, signature.slice(0, 20), apiKey)).toBe(false);
    expect(verifyAcuityWebhook(body, Buffer.from("short").toString("base64"), apiKey)).toBe(false);
  });
});

describe("parseWebhookAction", () => {
  it.each([
    ["scheduled", "scheduled"],
    ["rescheduled", "rescheduled"],
    ["canceled", "canceled"],
    ["changed", "changed"],
    ["appointment.scheduled", "scheduled"],
    ["appointment.rescheduled", "rescheduled"],
    ["appointment.canceled", "canceled"],
    ["appointment.changed", "changed"],
  ])("reads %s as %s", (raw, expected) => {
    expect(parseWebhookAction(raw)).toBe(expected);
  });

  it.each(["order.completed", "appointment.deleted", "cancelled", "", "appointment.", "scheduledx"])(
    "rejects %j",
    (raw) => {
      expect(parseWebhookAction(raw)).toBeNull();
    },
  );

  it("rejects missing values", () => {
    expect(parseWebhookAction(null)).toBeNull();
    expect(parseWebhookAction(undefined)).toBeNull();
  });
});

describe("parseAcuityWebhookPayload", () => {
  it("reads ids from the form body", () => {
    expect(
      parseAcuityWebhookPayload("action=appointment.canceled&id=42&calendarID=7101&appointmentTypeID=502"),
    ).toEqual({
      action: "canceled",
      appointmentId: 42,
      calendarID: 7101,
      appointmentTypeID: 502,
    });
  });

  it("refuses a payload without a usable id or action", () => {
    expect(parseAcuityWebhookPayload("action=scheduled&id=abc")).toBeNull();
    expect(parseAcuityWebhookPayload("action=paid&id=42")).toBeNull();
  });
});
