import { CopyObjectCommand } from "@aws-sdk/client-s3";
import { getStorage, type Storage } from "./client";

/**
 * Copies an object inside the bucket on the server side (no bytes through the portal), keeping
 * its content type and metadata. Resolves false when the source does not exist.
 * One CopyObject handles up to 5 GB, well above the 500 MB a document may be.
 */
export async function copyObject(
  sourceKey: string,
  targetKey: string,
  storage: Storage = getStorage(),
): Promise<boolean> {
  const source = `${storage.bucket}/${sourceKey.split("/").map(encodeURIComponent).join("/")}`;
  try {
    await storage.client.send(
      new CopyObjectCommand({
        Bucket: storage.bucket,
        Key: targetKey,
        CopySource: source,
        MetadataDirective: "COPY",
      }),
    );
    return true;
  } catch (error) {
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (name === "NoSuchKey" || $metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}
