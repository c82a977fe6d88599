import { newId } from "@/lib/ids";

/** Ids are cuid2s; anything else (a "/" or "..") must not be able to steer a key. */
const ID_PATTERN = /^[a-z0-9_-]{1,64}$/i;

function assertId(kind: string, value: string) {
  if (!ID_PATTERN.test(value))
    throw new Error(`Invalid ${kind} id for a document key: ${JSON.stringify(value)}`);
}

/**
 * `org/<organizationId>/booking/<bookingId>/<cuid2>` — made by the server, never from the
 * file name, so names can't collide, overwrite each other or leak into URLs.
 */
export function buildDocumentKey(organizationId: string, bookingId: string): string {
  assertId("organization", organizationId);
  assertId("booking", bookingId);
  return `org/${organizationId}/booking/${bookingId}/${newId()}`;
}

/** Whether a key (e.g. sent back by the browser on confirm) belongs to this org and booking. */
export function isDocumentKeyFor(key: string, organizationId: string, bookingId: string): boolean {
  const prefix = `org/${organizationId}/booking/${bookingId}/`;
  return key.startsWith(prefix) && ID_PATTERN.test(key.slice(prefix.length));
}

/**
 * Where a confirmed upload's bytes live: beside the upload key (same organization and booking),
 * named by the pending upload's id. No URL was ever signed for it — the browser only ever gets
 * URLs for the upload key — so whoever still holds one cannot change a confirmed document.
 * Derived, not random: a confirm that is retried after a rollback, or the cleanup of an
 * abandoned upload, finds the same key.
 */
export function confirmedDocumentKey(uploadKey: string, pendingUploadId: string): string {
  assertId("pending upload", pendingUploadId);
  const folder = uploadKey.slice(0, uploadKey.lastIndexOf("/") + 1);
  if (!folder) throw new Error(`Not a document key: ${JSON.stringify(uploadKey)}`);
  const key = `${folder}${pendingUploadId}`;
  if (key === uploadKey) throw new Error("The confirmed key must differ from the upload key");
  return key;
}
