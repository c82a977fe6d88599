/**
 * Two-factor for tests: enrol a user directly (a fresh random key, as the plugin stores it) and
 * sign in over HTTP through both steps, keeping cookies like a browser.
 */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { getAuth } from "@/lib/auth/auth";
import { enrolTwoFactorDirectly } from "@/lib/two-factor/enrol-directly";
import { totpCodeFor } from "@/lib/two-factor/totp-code";
import { randomLoopbackAddress, type AuthServer, type Caller } from "./auth-http";

/** A browser's cookie jar: later Set-Cookie headers replace or expire earlier cookies. */
export class CookieJar {
  private cookies = new Map<string, string>();
  take(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a),
      );
      if (expired || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
    return this;
  }
  names = () => [...this.cookies.keys()];
  header = () => [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

export interface Enrolment {
  secret: string;
  backupCodes: string[];
  /** The code an authenticator app shows now. */
  code: () => string;
}

/** Enrols the user with a random key of their own and ten backup codes. */
export async function enrolForTest(userId: string): Promise<Enrolment> {
  const secret = randomBytes(16).toString("hex");
  const backupCodes = Array.from({ length: 10 }, () => randomBytes(5).toString("hex"));
  const { secretConfig } = await getAuth().$context;
  await enrolTwoFactorDirectly(getDb(), secretConfig, userId, { secret, backupCodes });
  return { secret, backupCodes, code: () => totpCodeFor(secret) };
}

/**
 * Password, then the second step over /api/auth (`secondStep`: the path and body); returns the
 * jar holding whatever cookies came back, and the second step's response.
 */
export async function signInWithSecondStep(
  server: AuthServer,
  user: { email: string; password: string },
  secondStep: { path: "/two-factor/verify-totp" | "/two-factor/verify-backup-code"; code: string },
  // A connection address of its own: tests sign in often, and the limiter counts per address.
  from: Caller = { socketAddress: randomLoopbackAddress() },
) {
  const jar = new CookieJar();
  const first = await server.post("/sign-in/email", { email: user.email, password: user.password }, from);
  expect(first.status).toBe(200);
  expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
  jar.take(first.headers);
  const second = await server.post(
    secondStep.path,
    { code: secondStep.code },
    { ...from, cookie: jar.header() },
  );
  jar.take(second.headers);
  return { jar, response: second };
}
