import { GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { getStorage, type Storage } from "./client";
import { attachmentContentDisposition } from "./safe-file-name";

/** A download link is made per click (and audited), so it only has to survive the redirect. */
export const DOWNLOAD_URL_TTL_SECONDS = 60;

export interface PresignedDownload {
  url: string;
  expiresAt: Date;
}

/** Always `attachment`, so a document never renders inline on the storage origin. */
export async function presignDownload(
  input: { key: string; fileName: string; expiresInSeconds?: number },
  storage: Storage = getStorage(),
): Promise<PresignedDownload> {
  const expiresIn = Math.min(
    Math.max(1, input.expiresInSeconds ?? DOWNLOAD_URL_TTL_SECONDS),
    DOWNLOAD_URL_TTL_SECONDS,
  );
  const command = new GetObjectCommand({
    Bucket: storage.bucket,
    Key: input.key,
    ResponseContentDisposition: attachmentContentDisposition(input.fileName),
  });
  const url = await getSignedUrl(storage.client, command, { expiresIn });
  return { url, expiresAt: new Date(Date.now() + expiresIn * 1000) };
}
