/**
 * Forgot password, on better-auth's reset flow (POST /request-password-reset, POST
 * /reset-password): what the portal adds is the e-mail (queued in the outbox, rendered and sent
 * by a worker), the audit rows, tighter rate limits and the link's shape.
 *
 * The same answer for every address: better-auth answers an unknown address exactly as a known
 * one (and does a comparable database read for it). For a known one the portal does not even
 * wait for the outbox write — it is started and the answer goes out — so the response time does
 * not tell either.
 */
import type { BetterAuthOptions } from "better-auth";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import type { PasswordResetPayload } from "@/lib/email/email-payloads";
import { queueEmail } from "@/lib/email/queue-email";
import { log, LOG_EVENTS } from "@/lib/log";

/** How long a reset link works. */
export const PASSWORD_RESET_TOKEN_SECONDS = 60 * 60;

/**
 * Per client address (the one the audit records), in better-auth's database-backed limiter:
 * asking for links is what an attacker would flood (mail to a victim, or probing), so 3 per 10
 * minutes; setting the password with a token is tried at most 10 times per 10 minutes.
 */
export const PASSWORD_RESET_RATE_LIMITS = {
  "/request-password-reset": { window: 600, max: 3 },
  "/reset-password": { window: 600, max: 10 },
} as const;

/**
 * The link in the e-mail opens the portal's own page with the token; the page posts it to
 * /reset-password. (better-auth's default link goes through a GET endpoint that redirects — one
 * more endpoint open over HTTP for no gain.)
 */
export function passwordResetUrl(baseUrl: string, token: string): string {
  const url = new URL("/reset-password", baseUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

type EmailAndPassword = NonNullable<BetterAuthOptions["emailAndPassword"]>;
type User = { id: string; email: string };

const auditContextOf = (user: User, request: Request | undefined) => ({
  // Nobody is signed in: the row is the account's own (whoever asked, from this address).
  actorUserId: user.id,
  impersonatedUserId: null,
  ...requestInfoFromHeaders(request?.headers ?? new Headers()),
});

async function queueResetEmail(baseUrl: string, user: User, token: string, request: Request | undefined) {
  const payload: PasswordResetPayload = { url: passwordResetUrl(baseUrl, token) };
  await getDb().transaction(async (tx) => {
    await queueEmail(tx, {
      kind: "password_reset",
      toAddress: user.email,
      recipientUserId: user.id,
      payload,
    });
    await recordAudit(tx, auditContextOf(user, request), {
      action: "auth.password_reset_requested",
      resourceType: "user",
      resourceId: user.id,
    });
  });
}

/** The emailAndPassword settings of the reset flow, for lib/auth/auth.ts. */
export function passwordResetOptions(
  baseUrl: string,
): Pick<
  EmailAndPassword,
  "sendResetPassword" | "onPasswordReset" | "resetPasswordTokenExpiresIn" | "revokeSessionsOnPasswordReset"
> {
  return {
    resetPasswordTokenExpiresIn: PASSWORD_RESET_TOKEN_SECONDS,
    // Whoever knew the old password (the reason for a reset, often) is signed out everywhere.
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: ({ user, token }, request) => {
      // Started, not awaited: the answer must not take longer for an address that exists. A
      // failure is logged; the person sees no e-mail and asks again.
      queueResetEmail(baseUrl, user, token, request).catch((error: unknown) =>
        log.error(
          { event: LOG_EVENTS.passwordResetNotQueued, err: error },
          "a password reset e-mail was not queued",
        ),
      );
      return Promise.resolve();
    },
    onPasswordReset: async ({ user }, request) => {
      await recordAudit(getDb(), auditContextOf(user, request), {
        action: "auth.password_reset_completed",
        resourceType: "user",
        resourceId: user.id,
      });
    },
  };
}
