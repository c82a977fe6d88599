/**
 * /api/health and /api/ready against the real parts: the run's Postgres and the local S3. A
 * dependency pointed at a port nothing listens on is what an outage looks like to the portal.
 */
import net from "node:net";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { checkReadiness } from "@/lib/health/readiness";
import { markShuttingDown } from "@/lib/health/shutdown-state";
import { startTestS3, type TestS3 } from "./storage-test-s3";

let s3: TestS3;
let deadPort: number;
beforeAll(async () => {
  s3 = await startTestS3();
  // The route reads the portal's own configuration: the test S3.
  Object.assign(process.env, {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3.config.bucket,
    S3_REGION: s3.config.region,
    S3_ACCESS_KEY_ID: s3.config.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.config.secretAccessKey,
  });
  deadPort = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
});
afterAll(async () => {
  await s3?.stop();
});

describe("GET /api/health", () => {
  it("answers 200 { status: ok }, never cached", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/ready", () => {
  it("answers 200 when the database, the bucket and the webhook inbox answer", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      checks: { database: "ok", objectStore: "ok", jobEngine: "ok" },
    });
  });

  it("names the object store as failing when S3 does not answer, and nothing more", async () => {
    const readiness = await checkReadiness({
      storage: s3.storageWith({ endpoint: `http://127.0.0.1:${deadPort}` }),
    });
    expect(readiness).toEqual({
      status: "failing",
      checks: { database: "ok", objectStore: "failing", jobEngine: "ok" },
    });
  });

  it("fails the object store check when the bucket does not exist or the credentials are refused", async () => {
    const noBucket = await checkReadiness({ storage: { ...s3.storage, bucket: "no-such-bucket" } });
    expect(noBucket.checks.objectStore).toBe("failing");
    const wrongKey = await checkReadiness({ storage: s3.storageWith({ secretAccessKey: "not-the-key" }) });
    expect(wrongKey.checks.objectStore).toBe("failing");
  });

  it("names the database and the job engine as failing when Postgres does not answer", async () => {
    const pool = new Pool({ connectionString: `postgres://postgres@127.0.0.1:${deadPort}/postgres` });
    pool.on("error", () => {});
    try {
      const readiness = await checkReadiness({ db: drizzle(pool, { schema }), storage: s3.storage });
      expect(readiness).toEqual({
        status: "failing",
        checks: { database: "failing", objectStore: "ok", jobEngine: "failing" },
      });
    } finally {
      await pool.end();
    }
  });

  it("counts a dependency that does not answer within the bound as failing", async () => {
    // A listener that accepts and never answers: the S3 request hangs until the check's bound.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const readiness = await checkReadiness({
        storage: s3.storageWith({ endpoint: `http://127.0.0.1:${port}` }),
        timeoutMs: 300,
      });
      expect(readiness.checks.objectStore).toBe("failing");
    } finally {
      silent.close();
    }
  });

  it("answers 503 while the instance shuts down, so a load balancer drains it", async () => {
    const shutdown = (globalThis as Record<string, unknown>).__imeShutdown as { shuttingDown: boolean };
    markShuttingDown();
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "shutting_down" });
    } finally {
      shutdown.shuttingDown = false;
    }
  });
});
