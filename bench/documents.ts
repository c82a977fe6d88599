/**
 * `npm run bench:documents` — what the documents flow costs the portal's server, and how
 * fast bytes move through the local stack. Uses a scratch database on DATABASE_URL (or an
 * embedded one) and an in-process local S3 in a temp dir; leaves nothing behind.
 *
 *  - presign: server time of one "request upload" action (policy, checks, pending row,
 *    signature) — p50/p95 over 1,000 sequential calls;
 *  - confirm: server time of one "confirm upload" action (lock, HEAD, document + audit rows)
 *    — p50/p95 over 1,000, each for an object already PUT;
 *  - throughput: one ~100 MB upload, multipart with 4 parts in flight, from the signing
 *    request to the confirmed document, timed end to end.
 */
import { createCipheriv } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { z } from "zod";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor } from "@/lib/actions/request-actor";
import type { Actor } from "@/lib/authz/actor";
import { completeMultipart } from "@/lib/documents/complete-multipart";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import type { DocumentActionContext } from "@/lib/documents/context";
import { requestUpload, type UploadPlan } from "@/lib/documents/request-upload";
import { completeMultipartInput, pendingUploadInput, requestUploadInput } from "@/lib/documents/schemas";
import { createStorage, type Storage } from "@/lib/storage/client";
import { MULTIPART_PART_SIZE_BYTES } from "@/lib/storage/multipart";
import { startLocalS3 } from "@/services/s3/start-local-s3";
import { buildActors } from "../tests/support/authz-fixture";
import { insertAuthzWorld } from "../tests/support/insert-authz-world";
import { createScratchDatabase } from "../tests/support/scratch-database";
import { describeMachine, percentile } from "./machine";

// Actions run better-auth inside their transaction (lib/auth/auth-transaction.ts), so the
// benchmark configures it as the portal would; a local-only secret.
process.env.BETTER_AUTH_SECRET ??= "bench-secret-that-is-long-enough-for-better-auth";
process.env.BETTER_AUTH_URL ??= "http://localhost:3000";

const ROUNDS = 1_000;
const SMALL_FILE_BYTES = 200 * 1024;
const BIG_FILE_BYTES = 100 * 1024 * 1024;
const PARALLEL_PARTS = 4;

function as<Schema extends z.ZodType, Output>(
  actor: Actor,
  input: Schema,
  operation: (context: DocumentActionContext, input: z.infer<Schema>, storage: Storage) => Promise<Output>,
  storage: Storage,
) {
  const action = defineAction(
    { input, authorize: () => true, run: (context, parsed) => operation(context, parsed, storage) },
    () =>
      Promise.resolve({
        actor,
        auditContext: auditContextFor(actor, { ipAddress: "127.0.0.1", userAgent: "bench" }),
      }),
  );
  return async (input: z.input<Schema>) => {
    const result = await action(input);
    if (!result.ok) throw new Error(result.error);
    return result.data;
  };
}

const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms (n=${sorted.length})`;
};

function fileBytes(offset: number, size: number): Uint8Array<ArrayBuffer> {
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(offset / 16), 8);
  const bytes = createCipheriv("aes-128-ctr", Buffer.alloc(16, 3), iv).update(Buffer.alloc(size));
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length);
}

async function main() {
  console.log(`machine: ${describeMachine()}`);
  console.log(
    `database: ${process.env.DATABASE_URL ? "Postgres at DATABASE_URL (scratch database)" : "embedded PostgreSQL (throw-away cluster)"}; storage: local S3 (verifying proxy + s3rver) on 127.0.0.1, temp dir`,
  );

  const scratch = await createScratchDatabase("ime_bench");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ime-bench-s3-"));
  const identity = {
    bucket: "ime-bench",
    accessKeyId: "bench-key",
    secretAccessKey: "bench-secret-key",
    region: "us-east-1",
  };
  const s3 = await startLocalS3({ ...identity, port: 0, dataDir, allowedOrigins: [] });
  try {
    await migrateDatabase(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    const { id, bookingIds } = await insertAuthzWorld();
    const referrer = buildActors(id).ownerA;
    const specialist = buildActors(id).specialistS1;
    const storage = createStorage({ endpoint: s3.endpoint, forcePathStyle: true, ...identity });
    const request = as(referrer, requestUploadInput, requestUpload, storage);
    const confirm = as(referrer, pendingUploadInput, confirmUpload, storage);
    const brief = {
      bookingId: bookingIds.aTeam2,
      category: "brief" as const,
      fileName: "brief.pdf",
      size: SMALL_FILE_BYTES,
      mimeType: "application/pdf",
    };

    for (let i = 0; i < 20; i++) await request(brief); // warm-up: JIT, pool, prepared paths
    const presignMs: number[] = [];
    const plans: Extract<UploadPlan, { kind: "single" }>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      const plan = await request(brief);
      presignMs.push(performance.now() - started);
      if (plan.kind === "single") plans.push(plan);
    }
    console.log(`presign (request upload action): ${summary(presignMs)}`);

    // Untimed: the browser's part — PUT every object — so each confirm finds its file.
    const body = fileBytes(0, SMALL_FILE_BYTES);
    for (let i = 0; i < plans.length; i += 16) {
      await Promise.all(
        plans.slice(i, i + 16).map(async (plan) => {
          const res = await fetch(plan.url, { method: "PUT", body, headers: plan.headers });
          if (res.status !== 200) throw new Error(`PUT failed: ${res.status}`);
        }),
      );
    }
    const confirmMs: number[] = [];
    for (const plan of plans) {
      const started = performance.now();
      await confirm({ pendingUploadId: plan.pendingUploadId });
      confirmMs.push(performance.now() - started);
    }
    console.log(
      `confirm (HEAD + document + audit rows): ${summary(confirmMs)} — objects of ${SMALL_FILE_BYTES / 1024} KiB`,
    );

    // The bytes exist before the clock starts, as a file on disk would.
    const partBody = fileBytes(0, MULTIPART_PART_SIZE_BYTES);
    const started = performance.now();
    const plan = await as(
      specialist,
      requestUploadInput,
      requestUpload,
      storage,
    )({
      bookingId: bookingIds.aTeam2,
      category: "dictation",
      fileName: "dictation.m4a",
      size: BIG_FILE_BYTES,
      mimeType: "audio/mp4",
    });
    if (plan.kind !== "multipart") throw new Error("expected a multipart plan");
    const queue = [...plan.parts];
    const parts: { partNumber: number; etag: string }[] = [];
    await Promise.all(
      Array.from({ length: PARALLEL_PARTS }, async () => {
        for (let part = queue.shift(); part; part = queue.shift()) {
          const res = await fetch(part.url, { method: "PUT", body: partBody.subarray(0, part.size) });
          if (res.status !== 200) throw new Error(`part PUT failed: ${res.status}`);
          parts.push({ partNumber: part.partNumber, etag: res.headers.get("etag")! });
        }
      }),
    );
    await as(
      specialist,
      completeMultipartInput,
      completeMultipart,
      storage,
    )({ pendingUploadId: plan.pendingUploadId, parts });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `upload of ${BIG_FILE_BYTES / 2 ** 20} MiB (${plan.parts.length} parts of ${plan.partSize / 2 ** 20} MiB, ${PARALLEL_PARTS} in flight), ` +
        `sign → parts → complete → confirm: ${seconds.toFixed(2)} s = ${(BIG_FILE_BYTES / 2 ** 20 / seconds).toFixed(1)} MiB/s`,
    );
  } finally {
    await closeDb();
    await s3.stop();
    await rm(dataDir, { recursive: true, force: true });
    await scratch.drop();
  }
}

await main();
process.exit(0);
