import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { ensureSystemUser } from "@/db/seed/system-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { UNKNOWN_IP } from "@/lib/audit/request-context";
import { getAuth } from "@/lib/auth/auth";
import { transactionWithBetterAuth } from "@/lib/auth/auth-transaction";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/auth/password-policy";
import { createUserSchema } from "./schemas";

/** Name, e-mail and password under the rules of the admin console's "New user" (lib/auth/password-policy.ts). */
export const bootstrapAdminSchema = createUserSchema.pick({ name: true, email: true, password: true });
export type BootstrapAdminInput = z.input<typeof bootstrapAdminSchema>;

export type BootstrapAdminResult =
  | { ok: true; userId: string; adminsBefore: number }
  /** Admins exist and the caller did not force: nothing was written. */
  | { ok: false; reason: "admins_exist"; adminsBefore: number }
  | { ok: false; reason: "email_taken" }
  | { ok: false; reason: "invalid"; problems: string[] };

/** better-auth's admin plugin keeps roles comma-separated; "admin" among them is a platform admin. */
const isAdminRole = sql`'admin' = ANY(string_to_array(${users.role}, ','))`;

/**
 * Creates a platform admin on a server with nobody to sign in as (`npm run admin:create`): the
 * account is made by better-auth (its password hash, its credential row, role `admin`) inside
 * one transaction with the `admin.bootstrapped` audit row, written by the system user. Refuses
 * when any admin exists unless `force` — a second run is then a deliberate extra admin, not a
 * forgotten first one. An advisory lock makes two runs at once take turns.
 */
export async function bootstrapAdmin(
  db: Database,
  input: BootstrapAdminInput,
  options: { force?: boolean } = {},
): Promise<BootstrapAdminResult> {
  const parsed = bootstrapAdminSchema.safeParse(input);
  if (!parsed.success) {
    // Field names and rule messages only: never the value typed (it may be the password).
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "input"}: ${issue.message}`,
    );
    return { ok: false, reason: "invalid", problems };
  }
  const { name, email, password } = parsed.data;
  if (await isCommonPassword(password))
    return { ok: false, reason: "invalid", problems: [`password: ${COMMON_PASSWORD_MESSAGE}`] };
  const force = options.force === true;

  return transactionWithBetterAuth(db, async (tx): Promise<BootstrapAdminResult> => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('ime-portal:admin-bootstrap'))`);
    const [admins] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(users)
      .where(isAdminRole);
    const adminsBefore = admins?.count ?? 0;
    if (adminsBefore > 0 && !force) return { ok: false, reason: "admins_exist", adminsBefore };
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (taken) return { ok: false, reason: "email_taken" };

    // A server call without headers: no session is asked for, and the plugin stores the role as given.
    const { user } = await getAuth().api.createUser({ body: { email, name, password, role: "admin" } });
    const systemUserId = await ensureSystemUser(tx);
    await recordAudit(
      tx,
      {
        actorUserId: systemUserId,
        impersonatedUserId: null,
        ipAddress: UNKNOWN_IP,
        userAgent: "admin:create",
      },
      {
        action: "admin.bootstrapped",
        resourceType: "user",
        resourceId: user.id,
        metadata: { email, name, forced: force, adminsBefore },
      },
    );
    return { ok: true, userId: user.id, adminsBefore };
  });
}
