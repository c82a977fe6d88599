/**
 * Local S3 for development: `npx tsx services/s3/cli.ts`.
 * Point the app at it with S3_ENDPOINT=<printed endpoint> and the same key, bucket and region.
 */
import path from "node:path";
import { startCommand } from "../start-command";
import { printLine } from "../terminal";
import { startLocalS3 } from "./start-local-s3";

const config = startCommand("local-s3", {
  always: ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
});
const allowedOrigins = config.S3_ALLOWED_ORIGINS;

const s3 = await startLocalS3({
  port: config.S3_LOCAL_PORT,
  host: config.S3_LOCAL_HOST,
  dataDir: path.resolve(config.S3_LOCAL_DATA_DIR),
  bucket: config.S3_BUCKET,
  accessKeyId: config.S3_ACCESS_KEY_ID,
  secretAccessKey: config.S3_SECRET_ACCESS_KEY,
  region: config.S3_REGION,
  allowedOrigins,
});
printLine(`[local-s3] listening on ${s3.endpoint} (CORS origins: ${allowedOrigins.join(", ") || "none"})`);

const shutdown = () => {
  s3.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
