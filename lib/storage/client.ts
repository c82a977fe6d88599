import { S3Client } from "@aws-sdk/client-s3";
import { readStorageConfig, type StorageConfig } from "./config";

/** What every storage function needs: a client and the bucket it works in. */
export interface Storage {
  client: S3Client;
  bucket: string;
}

export function createStorage(config: StorageConfig): Storage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    // Without keys the SDK's default chain applies (an AWS instance role, a profile).
    credentials:
      config.accessKeyId && config.secretAccessKey
        ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
        : undefined,
    // Otherwise the SDK adds a CRC32 of an *empty* body to presigned PUTs, and S3 rejects
    // the browser's real upload. Checksums only where an operation requires them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return { client, bucket: config.bucket };
}

let shared: Storage | undefined;

/** The app's storage, built from the environment on first use. */
export function getStorage(): Storage {
  shared ??= createStorage(readStorageConfig());
  return shared;
}
