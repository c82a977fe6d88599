/**
 * The emulator must refuse like Acuity past 10 requests/s, or a client that sends too fast
 * would pass every test here and meet 429s only in production.
 */
import { describe, expect, it } from "vitest";
import { API_KEY, USER_ID, startTestEmulator } from "./acuity-test-support";

const auth = `Basic ${Buffer.from(`${USER_ID}:${API_KEY}`).toString("base64")}`;
const sleepUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/** Sends one request every 1000/perSecond ms for `seconds`, on an absolute schedule (no drift). */
async function sendSteadily(url: string, perSecond: number, seconds: number): Promise<number[]> {
  const start = Date.now();
  const answers: Promise<number>[] = [];
  for (let i = 0; i < perSecond * seconds; i++) {
    await sleepUntil(start + (i * 1000) / perSecond);
    answers.push(fetch(`${url}/calendars`, { headers: { Authorization: auth } }).then((r) => r.status));
  }
  return Promise.all(answers);
}

describe("the emulator's 10 requests/s limit", () => {
  it("refuses some of a steady 15 requests/s once the one-second burst is spent", async () => {
    const emulator = await startTestEmulator({ realLimits: true });
    try {
      const statuses = await sendSteadily(emulator.url, 15, 3);
      // 45 sent; a 10-request burst plus 10/s for 3 s lets about 40 through.
      const refused = statuses.filter((s) => s === 429).length;
      expect(refused).toBeGreaterThanOrEqual(2);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(36);
    } finally {
      await emulator.stop();
    }
  });

  it("answers every one of a steady 9 requests/s", async () => {
    const emulator = await startTestEmulator({ realLimits: true });
    try {
      const statuses = await sendSteadily(emulator.url, 9, 3);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });
});
