/**
 * s3rver 3.7 has no AbortMultipartUpload (it answers MethodNotAllowed), but the app aborts
 * uploads the user cancels. The proxy fills the gap on s3rver's own on-disk layout:
 * `<root>/<bucket>/._S3rver_uploads/<uploadId>/{key,metadata,<part>...}`.
 */
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { S3ProxyError } from "./s3-error";

const noSuchUpload = () =>
  new S3ProxyError(
    404,
    "NoSuchUpload",
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
  );

/** The bucket, key and upload id of a path-style `DELETE /<bucket>/<key>?uploadId=...`, or null. */
export function abortRequestTarget(method: string | undefined, rawPath: string, forwardQuery: string) {
  if (method !== "DELETE") return null;
  const uploadId = new URLSearchParams(forwardQuery).get("uploadId");
  if (uploadId === null) return null;
  const [, bucket, ...keyParts] = rawPath.split("/").map((part) => decodeURIComponent(part));
  if (!bucket || keyParts.length === 0) return null;
  return { bucket, key: keyParts.join("/"), uploadId };
}

export async function abortMultipartUploadOnDisk(
  s3rverDirectory: string,
  target: { bucket: string; key: string; uploadId: string },
): Promise<void> {
  // Ids are s3rver's hex strings; anything with path syntax cannot be one.
  if (!/^[A-Za-z0-9_-]+$/.test(target.uploadId) || !/^[a-z0-9.-]+$/.test(target.bucket)) throw noSuchUpload();
  const uploadDir = path.join(s3rverDirectory, target.bucket, "._S3rver_uploads", target.uploadId);
  const storedKey = await readFile(path.join(uploadDir, "key"), "utf8").catch(() => null);
  if (storedKey !== target.key) throw noSuchUpload();
  await rm(uploadDir, { recursive: true, force: true });
}
