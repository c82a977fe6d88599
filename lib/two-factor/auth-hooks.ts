/**
 * What the portal adds to better-auth's twoFactor plugin at the auth route: the second step marks
 * the session it issues (sessions.two_factor_verified_at — impersonation requires it) and is
 * audited; "trust this device" is refused; the endpoints are rate limited like sign-in.
 */
import { APIError } from "better-auth/api";
import type { createAuthMiddleware } from "better-auth/api";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The endpoints of the second step; with a pending sign-in they finish it, with a session they confirm an enrolment. */
export const SECOND_STEP_PATHS = ["/two-factor/verify-totp", "/two-factor/verify-backup-code"] as const;
/** Starts an enrolment (needs the password again): a secret and backup codes, unconfirmed. */
export const ENROL_PATH = "/two-factor/enable";

export const isSecondStepPath = (path: string | undefined) =>
  (SECOND_STEP_PATHS as readonly (string | undefined)[]).includes(path);

/** Per client address, the same budget as sign-in: a code is six digits, so guessing must stay slow. */
export const TWO_FACTOR_RATE_LIMITS = (perMinute: number) =>
  Object.fromEntries(
    [...SECOND_STEP_PATHS, ENROL_PATH].map((path) => [path, { window: 60, max: perMinute }]),
  );

/** Declared to better-auth so the session it reads carries the mark. */
export const TWO_FACTOR_SESSION_FIELDS = {
  twoFactorVerifiedAt: { type: "date", required: false, input: false },
} as const;

/** The plugin's cookie that carries a pending sign-in between password and code. */
const PENDING_SIGN_IN_COOKIE = "two_factor";

/**
 * A trusted device would skip the code at later sign-ins; the portal promises that every sign-in
 * of an enrolled user asks for it (and that such a session counts as two-factor), so the option
 * is refused rather than silently ignored.
 */
export function refuseTrustedDevice(ctx: HookContext): void {
  if (!isSecondStepPath(ctx.path)) return;
  const body = ctx.body as { trustDevice?: unknown } | undefined;
  if (body?.trustDevice) throw new APIError("BAD_REQUEST", { message: "Trusting a device is not offered." });
}

/**
 * After a passed second step that issued a session: mark it and audit — a sign-in (with the
 * backup code's use, if one stood in) or, for a signed-in user confirming their first code, the
 * enrolment. One transaction, so the mark and its rows stand together.
 */
export async function recordSecondStep(ctx: HookContext): Promise<void> {
  const created = ctx.context.newSession;
  if (!created) return; // a wrong code, or a check by an already signed-in user: nothing issued
  const pendingCookie = ctx.context.createAuthCookie(PENDING_SIGN_IN_COOKIE);
  const wasSignIn = Boolean(await ctx.getSignedCookie(pendingCookie.name, ctx.context.secret));
  const usedBackupCode = ctx.path === "/two-factor/verify-backup-code";
  const { session } = created;
  const entries: AuditEntry[] = [];
  if (!wasSignIn) {
    entries.push({ action: "auth.two_factor_enrolled", resourceType: "user", resourceId: session.userId });
  } else {
    if (usedBackupCode)
      entries.push({
        action: "auth.two_factor_backup_code_used",
        resourceType: "user",
        resourceId: session.userId,
      });
    entries.push({
      action: "auth.signed_in",
      resourceType: "session",
      resourceId: session.id,
      metadata: { secondFactor: usedBackupCode ? "backup_code" : "totp" },
    });
  }
  await getDb().transaction(async (tx) => {
    await tx.update(sessions).set({ twoFactorVerifiedAt: new Date() }).where(eq(sessions.id, session.id));
    await recordAudit(
      tx,
      {
        actorUserId: session.userId,
        impersonatedUserId: null,
        ...requestInfoFromHeaders(ctx.headers ?? new Headers()),
      },
      entries,
    );
  });
}
