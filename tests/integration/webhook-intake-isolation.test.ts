/**
 * One bad delivery must not take innocent ones down. Deliveries are stored in grouped INSERTs
 * (webhook-intake.ts); a signed body holding a NUL (`%00`, or the byte itself) or bytes that are
 * not UTF-8 used to fail its whole group — every delivery beside it answered 500 — and each
 * failure logged the group's statement and bodies. Over real HTTP to the portal server's path.
 */
import http from "node:http";
import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { signAcuityWebhook } from "@/lib/acuity";
import { serveNodeWebhookReceiver } from "../support/node-webhook-receiver";
import { captureServerLog } from "../support/server-log";

const API_KEY = "intake-isolation-test-key";
const receiver = serveNodeWebhookReceiver({ userId: "4848", apiKey: API_KEY });
const { agent, appointmentIds } = receiver;

const logged = captureServerLog();

function deliver(body: Buffer): Promise<{ status: number; json: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      receiver.url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-acuity-signature": signAcuityWebhook(body, API_KEY),
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

let next = 3_810_001;
function appointmentId(): string {
  const id = String(next++);
  appointmentIds.push(id);
  return id;
}
const innocent = () =>
  Buffer.from(`action=appointment.scheduled&id=${appointmentId()}&calendarID=7101&appointmentTypeID=501`);
const rowsOf = (ids: string[]) => getDb().select().from(webhookEvents).where(inArray(webhookEvents.id, ids));

describe("bodies Postgres cannot hold as text", () => {
  it("are stored as they came, beside 40 innocent deliveries that are all stored and acknowledged", async () => {
    const encodedNul = Buffer.from(`action=scheduled&id=${appointmentId()}&calendarID=7101&notes=a%00b`);
    const nulByte = Buffer.concat([
      Buffer.from(`action=changed&id=${appointmentId()}&calendarID=7101&x=`),
      Buffer.from([0, 0x41]),
    ]);
    const notUtf8 = Buffer.concat([
      Buffer.from(`action=canceled&id=${appointmentId()}&calendarID=7101&name=`),
      Buffer.from([0xff, 0xfe, 0xc3]),
    ]);
    const nulInId = Buffer.from(`action=scheduled&id=${appointmentId()}%00`);
    const odd: Buffer[] = [encodedNul, nulByte, notUtf8, nulInId];
    const innocents = Array.from({ length: 40 }, innocent);

    const bodies: Buffer[] = [...innocents.slice(0, 20), ...odd, ...innocents.slice(20)];
    const answers = await Promise.all(bodies.map(deliver));
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 200));

    const rows = await rowsOf(answers.map((a) => a.json.received!));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.size).toBe(bodies.length);
    const rowFor = (body: Buffer) => byId.get(answers[bodies.indexOf(body)]!.json.received!)!;

    // Kept faithfully: the exact text, or the exact bytes.
    expect(rowFor(encodedNul).payload).toEqual({ rawBody: encodedNul.toString("utf8") });
    for (const body of [nulByte, notUtf8]) {
      expect(Buffer.from(String(rowFor(body).payload.rawBodyBase64), "base64").equals(body)).toBe(true);
    }
    // A NUL inside an appointment id is no appointment id: kept, and ignored with the reason.
    expect(rowFor(nulInId)).toMatchObject({ error: expect.stringMatching(/^Ignored/) });
    expect(rowFor(nulInId).processedAt).not.toBeNull();
    // The ones whose action and id are fine still go to the worker.
    for (const body of [encodedNul, nulByte, notUtf8])
      expect(rowFor(body)).toMatchObject({ processedAt: null, error: null });
    for (const body of innocents)
      expect(rowFor(body).resourceId).toBe(new URLSearchParams(body.toString()).get("id"));
    expect(logged()).toBe("");
  });
});

describe("a delivery the database refuses for any other reason", () => {
  let dropTrigger: () => Promise<void>;
  const poisonId = appointmentId();
  beforeAll(async () => {
    const name = `refuse_delivery_${randomBytes(4).toString("hex")}`;
    await getDb().execute(
      sql.raw(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.resource_id = '${poisonId}' THEN RAISE EXCEPTION 'webhook storage refused (test)'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ${name} BEFORE INSERT ON webhook_events FOR EACH ROW EXECUTE FUNCTION ${name}();`),
    );
    dropTrigger = () =>
      getDb()
        .execute(sql.raw(`DROP TRIGGER ${name} ON webhook_events; DROP FUNCTION ${name}();`))
        .then(() => {});
  });
  afterAll(() => dropTrigger?.());

  it("fails alone: everything beside it is stored, and the log stays a few short lines without any body", async () => {
    const innocents = Array.from({ length: 40 }, innocent);
    const poison = Buffer.from(`action=scheduled&id=${poisonId}&calendarID=7101`);
    const bodies = [...innocents.slice(0, 20), poison, ...innocents.slice(20)];
    const answers = await Promise.all(bodies.map(deliver));

    expect(answers[20]).toEqual({
      status: 500,
      json: { code: "internal", error: "not stored; please retry" },
    });
    const stored = answers.filter((_, i) => i !== 20);
    expect(stored.map((a) => a.status)).toEqual(innocents.map(() => 200));
    expect(await rowsOf(stored.map((a) => a.json.received!))).toHaveLength(40);

    const log = logged();
    expect(log).toMatch(/webhook storage refused \(test\)/);
    expect(log.length).toBeLessThan(2_000);
    for (const body of innocents) expect(log).not.toContain(new URLSearchParams(body.toString()).get("id")!);
  });
});
