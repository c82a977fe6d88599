/**
 * Hardened responses: every page and every route of the production build, asked over HTTP,
 * carries the security headers — pages a Content-Security-Policy whose script nonce is new on
 * every response and on every script Next wrote; routes and assets the closed policy. The list
 * of pages and routes is read from app/, so a new one is checked without editing this file.
 */
import fs from "node:fs";
import path from "node:path";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";

const APP = path.join(process.cwd(), "app");

/** The URL of an app/ file: route groups dropped, every [segment] filled with a stand-in id. */
function urlOf(file: string) {
  const segments = path
    .dirname(path.relative(APP, file))
    .split(path.sep)
    .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? "e2e-no-such-id" : segment));
  return `/${segments.join("/")}`;
}

const filesNamed = (name: string) =>
  fs
    .readdirSync(APP, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => urlOf(path.join(APP, file)))
    .sort();

const PAGES = filesNamed("page.tsx");
const ROUTES = filesNamed("route.ts");

function expectCommonHeaders(response: APIResponse, url: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], url).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers["x-frame-options"], url).toBe("DENY");
  // HSTS is for production behind https; this build is served over http://localhost.
  expect(headers["strict-transport-security"], url).toBeUndefined();
}

/** The policy's directives by name: "script-src" → ["'self'", "'nonce-…'", …]. */
function directivesOf(policy: string | undefined) {
  return new Map(
    (policy ?? "").split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

test("the app has pages and routes to check", () => {
  expect(PAGES).toContain("/sign-in");
  expect(ROUTES).toContain("/api/health");
});

test("every page carries a nonce policy, a new nonce each time, on every script Next wrote", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const url of PAGES) {
    // The page's own answer (a signed-out visitor is sent to sign-in), not where it leads.
    const response = await request.get(url, { maxRedirects: 0 });
    expectCommonHeaders(response, url);
    const policy = directivesOf(response.headers()["content-security-policy"]);
    const scripts = policy.get("script-src") ?? [];
    const nonce = scripts.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, `${url}: script-src ${scripts.join(" ")}`).toBeTruthy();
    expect(scripts, url).toContain("'strict-dynamic'");
    expect(scripts, url).not.toContain("'unsafe-inline'");
    expect(scripts, url).not.toContain("'unsafe-eval'");
    expect(policy.get("frame-ancestors"), url).toEqual(["'none'"]);
    expect(policy.get("object-src"), url).toEqual(["'none'"]);
    // Uploads go straight from the browser to the object store (the local S3 on its own port).
    expect(
      policy.get("connect-src")?.some((source) => /^https?:\/\/[^']+:\d+$/.test(source)),
      url,
    ).toBe(true);
    nonces.add(nonce!);

    if (response.status() === 200) {
      const html = await response.text();
      const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length, url).toBeGreaterThan(0);
      for (const tag of scriptTags) expect(tag, url).toContain(`nonce="${nonce}"`);
    }
  }
  // Asked twice, the sign-in page gets two nonces: nothing is cached with one in it.
  const again = await request.get("/sign-in");
  const policyAgain = directivesOf(again.headers()["content-security-policy"]);
  nonces.add(
    policyAgain
      .get("script-src")!
      .find((value) => value.startsWith("'nonce-"))!
      .slice(7, -1),
  );
  expect(nonces.size).toBe(PAGES.length + 1);
});

test("every route handler, the webhook fast path and Next's assets carry the closed policy and the common headers", async ({
  request,
}) => {
  for (const url of ROUTES) {
    const response = await request.get(url, { maxRedirects: 0 });
    expectCommonHeaders(response, url);
    expect(response.headers()["content-security-policy"], url).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  }
  // Answered by the portal server itself, before Next (scripts/portal-request-listener.ts).
  const webhook = await request.post("/api/webhooks/acuity", {
    form: { action: "scheduled", id: "1" },
    headers: { "x-acuity-signature": "forged" },
  });
  expect(webhook.status()).toBe(401);
  expectCommonHeaders(webhook, "webhook fast path");
  expect(webhook.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  const signIn = await (await request.get("/sign-in")).text();
  const asset = signIn.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(asset).toBeTruthy();
  const script = await request.get(asset!);
  expect(script.status()).toBe(200);
  expectCommonHeaders(script, asset!);
});
