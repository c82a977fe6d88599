import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin, organization, twoFactor } from "better-auth/plugins";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { newId } from "@/lib/ids";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import type { InvitationPayload } from "@/lib/email/email-payloads";
import { queueEmail } from "@/lib/email/queue-email";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header";
import { readAuthEnv } from "./config";
import { commonPasswordPlugin } from "./common-password-plugin";
import { PASSWORD_RESET_RATE_LIMITS, passwordResetOptions } from "./password-reset";
import { MIN_PASSWORD_LENGTH } from "./password-policy";
import { resumeAdminSessionPlugin } from "./resume-admin-session-plugin";
import {
  isSecondStepPath,
  recordSecondStep,
  refuseTrustedDevice,
  TWO_FACTOR_RATE_LIMITS,
  TWO_FACTOR_SESSION_FIELDS,
} from "@/lib/two-factor/auth-hooks";

export const IMPERSONATION_SECONDS = 60 * 60;

/** How better-auth maps its models onto our Drizzle schema (also used for action transactions). */
export const AUTH_DRIZZLE_CONFIG = { provider: "pg", usePlural: true, schema } as const;

function createAuth() {
  const env = readAuthEnv();
  const db = getDb();
  const auditSession = async (
    headers: Headers | undefined,
    action: "auth.signed_in" | "auth.signed_out",
    session: { id: string; userId: string; impersonatedBy?: string | null },
  ) => {
    await recordAudit(
      db,
      {
        actorUserId: session.impersonatedBy ?? session.userId,
        impersonatedUserId: session.impersonatedBy ? session.userId : null,
        ...requestInfoFromHeaders(headers ?? new Headers()),
      },
      { action, resourceType: "session", resourceId: session.id },
    );
  };

  return betterAuth({
    appName: "IME Portal",
    baseURL: env.BETTER_AUTH_URL,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: env.BETTER_AUTH_TRUSTED_ORIGINS,
    database: drizzleAdapter(db, AUTH_DRIZZLE_CONFIG),
    // No public sign-up: admins create users, or users join by invitation.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      // The password rule (lib/auth/password-policy.ts); common passwords: commonPasswordPlugin.
      minPasswordLength: MIN_PASSWORD_LENGTH,
      // Forgot password: the link by e-mail, audited (lib/auth/password-reset.ts).
      ...passwordResetOptions(env.BETTER_AUTH_URL),
    },
    // sessions.two_factor_verified_at (lib/two-factor/auth-hooks.ts), read with the session.
    session: { additionalFields: TWO_FACTOR_SESSION_FIELDS },
    advanced: {
      database: { generateId: () => newId() },
      // The rate limiter's client: only the header the auth route sets to the address the audit
      // records (`clientIpFromHeaders`: the socket's, or what TRUSTED_PROXY_HOPS trusted proxies
      // report), so limiter, session and audit row agree and a client-written x-forwarded-for
      // never opens a fresh limiter bucket.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    rateLimit: {
      enabled: true,
      // In the database so the limit holds across several app instances.
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: env.AUTH_SIGN_IN_RATE_LIMIT },
        ...PASSWORD_RESET_RATE_LIMITS,
        ...TWO_FACTOR_RATE_LIMITS(env.AUTH_SIGN_IN_RATE_LIMIT),
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        refuseTrustedDevice(ctx);
        if (ctx.path !== "/sign-out") return;
        const current = await getSessionFromCtx(ctx);
        if (current) await auditSession(ctx.headers, "auth.signed_out", current.session);
      }),
      after: createAuthMiddleware(async (ctx) => {
        // The second step (a code or backup code) finishes a two-factor sign-in or an enrolment.
        if (isSecondStepPath(ctx.path)) return recordSecondStep(ctx);
        if (ctx.path !== "/sign-in/email") return;
        const created = ctx.context.newSession;
        // This hook runs before the twoFactor plugin's, which then swaps the session for a
        // challenge; such a sign-in is audited when its second step passes.
        if (created?.user.twoFactorEnabled) return;
        if (created) await auditSession(ctx.headers, "auth.signed_in", created.session);
      }),
    },
    plugins: [
      // Admins only; admins cannot be impersonated (no impersonate-admins permission).
      admin({ impersonationSessionDuration: IMPERSONATION_SECONDS }),
      organization({
        allowUserToCreateOrganization: false,
        // Teams are optional in an organization (bookings may have none), so the last one may go.
        teams: { enabled: true, defaultTeam: { enabled: false }, allowRemovingAllTeams: true },
        // better-auth's default cap is 100 members; an insurer's case managers can outnumber that.
        membershipLimit: 10_000,
        // Queued in the outbox (a worker sends it); the link opens /accept-invitation/:id.
        sendInvitationEmail: async (data) => {
          const payload: InvitationPayload = {
            invitationId: data.id,
            organizationName: data.organization.name,
            inviterName: data.inviter.user.name,
            role: data.role,
            expiresAt: new Date(data.invitation.expiresAt).toISOString(),
          };
          await queueEmail(getDb(), { kind: "invitation", toAddress: data.email, payload });
        },
      }),
      // TOTP with backup codes (lib/two-factor). No "trust this device": every sign-in of an
      // enrolled user asks for a code, which is what makes a session count as two-factor.
      twoFactor({ issuer: "IME Portal", backupCodeOptions: { amount: 10, length: 10 } }),
      // An admin whose impersonation ran out lands back in their own session (lib/impersonation/resume-admin-session.ts).
      resumeAdminSessionPlugin(),
      // Every endpoint that sets a password refuses the most common ones (lib/auth/common-password-plugin.ts).
      commonPasswordPlugin(),
      nextCookies(), // must stay last, or cookies set inside server actions are lost
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = ((globalThis as Record<string, unknown>).__imePortalAuth ??= {}) as { auth?: Auth };

/** Built on first use: reading env or touching the database at import time breaks `next build`. */
export function getAuth(): Auth {
  holder.auth ??= createAuth();
  return holder.auth;
}
