/**
 * Local S3 for development: `npx tsx services/s3/cli.ts`.
 * Point the app at it with S3_ENDPOINT=<printed endpoint> and the same key, bucket and region.
 */
import path from "node:path";
import { startLocalS3 } from "./start-local-s3";

function required(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (!value) {
    console.error(`[local-s3] ${name} is not set`);
    process.exit(1);
  }
  return value;
}

const port = Number(process.env.S3_LOCAL_PORT ?? 4020);
const allowedOrigins = (process.env.S3_ALLOWED_ORIGINS ?? "http://localhost:3000,http://127.0.0.1:3000")
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);

const s3 = await startLocalS3({
  port,
  host: process.env.S3_LOCAL_HOST ?? "127.0.0.1",
  dataDir: path.resolve(process.env.S3_LOCAL_DATA_DIR ?? ".data/s3"),
  bucket: required("S3_BUCKET"),
  accessKeyId: required("S3_ACCESS_KEY_ID"),
  secretAccessKey: required("S3_SECRET_ACCESS_KEY"),
  region: required("S3_REGION", "us-east-1"),
  allowedOrigins,
});
console.log(`[local-s3] listening on ${s3.endpoint} (CORS origins: ${allowedOrigins.join(", ") || "none"})`);

const shutdown = () => {
  s3.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
