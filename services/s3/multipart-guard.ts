/**
 * s3rver trusts multipart requests that real S3 refuses: it stores parts for an upload that
 * does not exist, ignores ETags on completion, and *crashes the process* (an uncaught ENOENT)
 * when completion names a part that was never uploaded. The proxy checks these against
 * s3rver's on-disk layout — `<root>/<bucket>/._S3rver_uploads/<uploadId>/{key,<n>,<n>.md5}` —
 * and answers as S3 would before s3rver sees the request.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { S3ProxyError } from "./s3-error";

const noSuchUpload = () =>
  new S3ProxyError(
    404,
    "NoSuchUpload",
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
  );
const invalidPart = () =>
  new S3ProxyError(
    400,
    "InvalidPart",
    "One or more of the specified parts could not be found or its entity tag did not match.",
  );

interface MultipartTarget {
  bucket: string;
  key: string;
  uploadId: string;
  kind: "part" | "complete";
}

export function multipartTarget(
  method: string | undefined,
  rawPath: string,
  forwardQuery: string,
): MultipartTarget | null {
  const query = new URLSearchParams(forwardQuery);
  const uploadId = query.get("uploadId");
  if (uploadId === null) return null;
  const kind = method === "PUT" && query.has("partNumber") ? "part" : method === "POST" ? "complete" : null;
  if (!kind) return null;
  const [, bucket, ...keyParts] = rawPath.split("/").map((part) => decodeURIComponent(part));
  if (!bucket || keyParts.length === 0) return null;
  return { bucket, key: keyParts.join("/"), uploadId, kind };
}

/** Refuses a part for an unknown upload, and a completion naming missing or mismatched parts. */
export async function checkMultipartRequest(
  s3rverDirectory: string,
  target: MultipartTarget,
  bodyFile: string | null,
): Promise<void> {
  if (!/^[A-Za-z0-9_-]+$/.test(target.uploadId) || !/^[a-z0-9.-]+$/.test(target.bucket)) throw noSuchUpload();
  const uploadDir = path.join(s3rverDirectory, target.bucket, "._S3rver_uploads", target.uploadId);
  const storedKey = await readFile(path.join(uploadDir, "key"), "utf8").catch(() => null);
  if (storedKey !== target.key) throw noSuchUpload();
  if (target.kind === "part") return;

  const xml = bodyFile ? await readFile(bodyFile, "utf8") : "";
  const parts = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, part]) => ({
    number: part!.match(/<PartNumber>\s*(\d+)\s*<\/PartNumber>/)?.[1],
    etag: part!.match(/<ETag>\s*([^<]*?)\s*<\/ETag>/)?.[1]?.replace(/&quot;|"/g, ""),
  }));
  if (parts.length === 0)
    throw new S3ProxyError(400, "MalformedXML", "The XML you provided was not well-formed.");
  for (const part of parts) {
    if (!part.number || !part.etag) throw invalidPart();
    const stored = await readFile(path.join(uploadDir, `${Number(part.number)}.md5`), "utf8").catch(
      () => null,
    );
    if (stored?.trim() !== part.etag) throw invalidPart();
  }
}
