import type { DbOrTx } from "@/db/client";
import { ensureSystemUser } from "@/db/seed/system-user";

let cached: Promise<string> | null = null;

/** The system user's id, created on first need (a production database has no demo seed). */
export function getSystemUserId(db: DbOrTx): Promise<string> {
  cached ??= ensureSystemUser(db).catch((error) => {
    cached = null;
    throw error;
  });
  return cached;
}
