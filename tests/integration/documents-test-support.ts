/**
 * Shared by the documents tests: the lib operations run through the real action wrapper
 * (zod, transaction, audit, error mapping) with a test actor instead of a session, against
 * the real local S3 started for the file.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { auditLogs, documents, pendingUploads } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor } from "@/lib/actions/request-actor";
import type { ActionResult } from "@/lib/actions/result";
import type { Actor } from "@/lib/authz/actor";
import type { DocumentActionContext } from "@/lib/documents/context";
import type { Storage } from "@/lib/storage/client";

export const TEST_IP = "198.51.100.23";

/** Calls `operation` as `actor` through defineAction, so results look exactly like the action's. */
export function actAs<Schema extends z.ZodType, Output>(
  actor: Actor,
  input: Schema,
  operation: (context: DocumentActionContext, input: z.infer<Schema>, storage: Storage) => Promise<Output>,
  storage: Storage,
): (input: z.input<Schema>) => Promise<ActionResult<Output>> {
  return defineAction(
    { input, authorize: () => true, run: (context, parsed) => operation(context, parsed, storage) },
    async () => ({
      actor,
      auditContext: auditContextFor(actor, { ipAddress: TEST_IP, userAgent: "vitest documents" }),
    }),
  );
}

/** The admin acting as `user`, as loadActor builds it during impersonation. */
export const impersonating = (user: Actor, admin: Actor): Actor => ({
  ...user,
  impersonatorId: admin.userId,
});

export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.data;
}

/** A browser-like PUT of `body` to a presigned URL. */
export function putTo(
  url: string,
  body: Uint8Array<ArrayBuffer> | string,
  headers: Record<string, string> = {},
) {
  return fetch(url, { method: "PUT", body, headers });
}

export const pendingRowsFor = (bookingId: string) =>
  getDb().select().from(pendingUploads).where(eq(pendingUploads.bookingId, bookingId));

export const documentRowsFor = (bookingId: string) =>
  getDb().select().from(documents).where(eq(documents.bookingId, bookingId));

export const documentAuditRows = (documentId: string, action: "document.uploaded" | "document.downloaded") =>
  getDb()
    .select()
    .from(auditLogs)
    .where(
      and(
        eq(auditLogs.resourceType, "document"),
        eq(auditLogs.resourceId, documentId),
        eq(auditLogs.action, action),
      ),
    );

export const PDF_BYTES = new TextEncoder().encode(
  "%PDF-1.7\n% a tiny test brief\n%%EOF\n",
) as Uint8Array<ArrayBuffer>;
