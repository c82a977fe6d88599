/**
 * The portal server's own webhook path (scripts/portal-server.ts answers Acuity before Next's
 * pipeline): the same verify-store-answer contract as the Next route, over real HTTP, and a burst
 * of deliveries stored together without mixing up which delivery got which id.
 */
import http from "node:http";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { signAcuityWebhook } from "@/lib/acuity";
import { MAX_WEBHOOK_BODY_BYTES } from "@/lib/acuity-sync/receive-webhook";
import { serveNodeWebhookReceiver } from "../support/node-webhook-receiver";

const API_KEY = "receiver-test-key";
const receiver = serveNodeWebhookReceiver({ userId: "4545", apiKey: API_KEY });
const { agent, appointmentIds } = receiver;

function deliver(
  body: string,
  signature: string | null,
): Promise<{ status: number; json: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      receiver.url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...(signature ? { "x-acuity-signature": signature } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

let nextAppointment = 3_300_001;
function scheduledBody(): string {
  const id = String(nextAppointment++);
  appointmentIds.push(id);
  return `action=appointment.scheduled&id=${id}&calendarID=7101&appointmentTypeID=501`;
}
const eventsOf = (resourceId: string) =>
  getDb()
    .select()
    .from(webhookEvents)
    .where(inArray(webhookEvents.resourceId, [resourceId]));

describe("the portal server's webhook receiver", () => {
  it("stores a correctly signed delivery and answers with its event id", async () => {
    const body = scheduledBody();
    const answer = await deliver(body, signAcuityWebhook(body, API_KEY));
    expect(answer.status).toBe(200);
    const [event] = await eventsOf(appointmentIds.at(-1)!);
    expect(event).toMatchObject({
      id: answer.json.received,
      eventType: "appointment.scheduled",
      processedAt: null,
      error: null,
      attempts: 0,
    });
    expect(event!.payload).toMatchObject({ action: "appointment.scheduled", calendarID: "7101" });
  });

  it.each([
    ["missing", () => null],
    ["wrong", (body: string) => signAcuityWebhook(body, "not-the-key")],
    [
      "body-tampered",
      (body: string) =>
        signAcuityWebhook(body.replace("appointment.scheduled", "appointment.canceled"), API_KEY),
    ],
  ])("refuses a %s signature with 401 and stores nothing", async (_label, sign) => {
    const body = scheduledBody();
    const answer = await deliver(body, sign(body));
    expect(answer.status).toBe(401);
    expect(await eventsOf(appointmentIds.at(-1)!)).toEqual([]);
  });

  it("refuses a body far larger than any Acuity webhook with 413, storing nothing", async () => {
    const id = String(nextAppointment++);
    appointmentIds.push(id);
    const body = `action=scheduled&id=${id}&notes=${"x".repeat(MAX_WEBHOOK_BODY_BYTES)}`;
    const answer = await deliver(body, signAcuityWebhook(body, API_KEY));
    expect(answer.status).toBe(413);
    expect(await eventsOf(id)).toEqual([]);
  });

  it("answers 200 deliveries sent at once, each with the id of its own stored row, in fewer inserts than deliveries", async () => {
    const bodies = Array.from({ length: 200 }, scheduledBody);
    const answers = await Promise.all(bodies.map((body) => deliver(body, signAcuityWebhook(body, API_KEY))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const ids = answers.map((a) => a.json.received!);
    expect(new Set(ids).size).toBe(200);

    const rows = await getDb().select().from(webhookEvents).where(inArray(webhookEvents.id, ids));
    const byId = new Map(rows.map((row) => [row.id, row]));
    // The answer to each delivery names the row holding that delivery's own appointment.
    bodies.forEach((body, i) =>
      expect(byId.get(ids[i]!)?.resourceId).toBe(new URLSearchParams(body).get("id")),
    );
    // Deliveries that waited together were stored by one statement (one transaction time).
    expect(new Set(rows.map((row) => row.createdAt!.getTime())).size).toBeLessThan(200);
  });
});
