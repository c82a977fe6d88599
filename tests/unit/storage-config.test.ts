import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { readStorageConfig as readFromConfig } from "@/lib/storage/config";
import { planParts } from "@/lib/storage/multipart";

const base = {
  S3_REGION: "eu-west-2",
  S3_BUCKET: "docs",
  S3_ACCESS_KEY_ID: "AKID",
  S3_SECRET_ACCESS_KEY: "secret",
};

const readStorageConfig = (raw: Record<string, string | undefined>) => readFromConfig(parseConfig(raw));

describe("storage configuration", () => {
  it("uses path-style addressing for a custom endpoint and virtual hosts on AWS", () => {
    expect(readStorageConfig({ ...base, S3_ENDPOINT: "http://127.0.0.1:4020" })).toMatchObject({
      endpoint: "http://127.0.0.1:4020",
      forcePathStyle: true,
    });
    expect(readStorageConfig({ ...base, S3_ENDPOINT: "" })).toMatchObject({
      endpoint: undefined,
      forcePathStyle: false,
    });
    expect(
      readStorageConfig({ ...base, S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "false" })
        .forcePathStyle,
    ).toBe(false);
  });

  it("names what is missing", () => {
    expect(() => readStorageConfig({ ...base, S3_BUCKET: undefined })).toThrow(/S3_BUCKET/);
    expect(() => readStorageConfig({ ...base, S3_SECRET_ACCESS_KEY: "" })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });

  it("leaves credentials to AWS's default chain when neither key is set", () => {
    const aws = readStorageConfig({ S3_BUCKET: "docs" });
    expect(aws).toMatchObject({ region: "us-east-1", bucket: "docs", forcePathStyle: false });
    expect(aws.accessKeyId).toBeUndefined();
    expect(aws.secretAccessKey).toBeUndefined();
  });
});

describe("multipart plan", () => {
  it("covers the whole file with parts S3 accepts", () => {
    const size = 100 * 1024 * 1024 + 3;
    const parts = planParts(size);
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parts.reduce((sum, p) => sum + p.size, 0)).toBe(size);
    expect(parts.at(-1)).toMatchObject({ offset: 6 * 16 * 1024 * 1024, size: 4 * 1024 * 1024 + 3 });
  });
});
