import { describe, expect, it } from "vitest";
import {
  commonSecurityHeaders,
  newNonce,
  objectStoreOrigins,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";

describe("the page policy", () => {
  const policy = (development: boolean) =>
    pageContentSecurityPolicy({
      nonce: "abc123==",
      development,
      objectStoreOrigins: ["https://s3.example.com"],
    });

  it("lets only scripts with the response's nonce run, never inline ones, and no eval outside development", () => {
    const production = policy(false);
    expect(production).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(production).not.toContain("unsafe-eval");
    expect(production.match(/script-src[^;]*/)![0]).not.toContain("unsafe-inline");
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("connect-src 'self' https://s3.example.com;");
    expect(policy(true)).toContain("'strict-dynamic' 'unsafe-eval';");
  });

  it("makes a new nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the object store the browser talks to", () => {
  it("is the configured endpoint's origin, or AWS's addresses for the bucket", () => {
    expect(
      objectStoreOrigins({
        S3_ENDPOINT: "http://127.0.0.1:4020/ignored/path",
        S3_BUCKET: "b",
        S3_REGION: "us-east-1",
      }),
    ).toEqual(["http://127.0.0.1:4020"]);
    expect(
      objectStoreOrigins({ S3_ENDPOINT: undefined, S3_BUCKET: "ime-docs", S3_REGION: "eu-west-2" }),
    ).toEqual(["https://ime-docs.s3.eu-west-2.amazonaws.com", "https://s3.eu-west-2.amazonaws.com"]);
  });
});

describe("the common headers", () => {
  it("pin https only in production behind an https address", () => {
    const hsts = (NODE_ENV: "production" | "development", BETTER_AUTH_URL: string) =>
      commonSecurityHeaders({ NODE_ENV, BETTER_AUTH_URL })["Strict-Transport-Security"];
    expect(hsts("production", "https://portal.example.com")).toBe("max-age=63072000; includeSubDomains");
    expect(hsts("production", "http://localhost:3000")).toBeUndefined();
    expect(hsts("development", "https://portal.example.com")).toBeUndefined();
  });

  it("turn off sniffing, cross-origin referrers and the camera, microphone and location", () => {
    const headers = commonSecurityHeaders({
      NODE_ENV: "development",
      BETTER_AUTH_URL: "http://localhost:3000",
    });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  });
});
