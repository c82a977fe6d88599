import { config, type Config } from "@/lib/config";

/** Where documents live. Read from the configuration on first use, never at import time. */
export interface StorageConfig {
  /** Unset means real AWS S3; set for the local S3 (or another S3-compatible store). */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Both unset: the AWS SDK's default credential chain (instance role, profile). */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export function readStorageConfig(values: Config = config()): StorageConfig {
  if (!values.S3_BUCKET)
    throw new Error(
      "Document storage is not configured: S3_BUCKET is not set (npm run dev sets up a local S3)",
    );
  return {
    endpoint: values.S3_ENDPOINT,
    region: values.S3_REGION,
    bucket: values.S3_BUCKET,
    // config() guarantees both keys or neither.
    accessKeyId: values.S3_ACCESS_KEY_ID,
    secretAccessKey: values.S3_SECRET_ACCESS_KEY,
    // Local and self-hosted S3s rarely resolve bucket subdomains; AWS prefers virtual hosts.
    forcePathStyle: values.S3_FORCE_PATH_STYLE ?? values.S3_ENDPOINT !== undefined,
  };
}
