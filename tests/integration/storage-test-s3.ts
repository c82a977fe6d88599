/** Starts the real local S3 (verifying proxy + s3rver) in a temp dir for one test file. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createStorage, type Storage } from "@/lib/storage/client";
import type { StorageConfig } from "@/lib/storage/config";
import { startLocalS3 } from "@/services/s3/start-local-s3";

export const APP_ORIGIN = "http://localhost:3000";

export interface TestS3 {
  endpoint: string;
  config: StorageConfig;
  storage: Storage;
  /** Same endpoint and bucket, signed with the given credentials instead. */
  storageWith: (overrides: Partial<StorageConfig>) => Storage;
  stop: () => Promise<void>;
}

export async function startTestS3(): Promise<TestS3> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "ime-local-s3-"));
  const secrets = {
    bucket: "ime-test-documents",
    accessKeyId: "AKIALOCALTEST0001",
    secretAccessKey: "local-test-secret-key-0123456789abcdef",
    region: "eu-west-2",
  };
  const s3 = await startLocalS3({ port: 0, dataDir, allowedOrigins: [APP_ORIGIN], ...secrets });
  const config: StorageConfig = { endpoint: s3.endpoint, forcePathStyle: true, ...secrets };
  return {
    endpoint: s3.endpoint,
    config,
    storage: createStorage(config),
    storageWith: (overrides) => createStorage({ ...config, ...overrides }),
    stop: async () => {
      await s3.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
