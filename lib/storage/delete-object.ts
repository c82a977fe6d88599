import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { getStorage, type Storage } from "./client";

/** Deletes an object; deleting a key that does not exist is not an error (as in S3). */
export async function deleteObject(key: string, storage: Storage = getStorage()): Promise<void> {
  await storage.client.send(new DeleteObjectCommand({ Bucket: storage.bucket, Key: key }));
}
