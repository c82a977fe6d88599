import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint, getSessionFromCtx } from "better-auth/api";
import { expireCookie, setSessionCookie } from "better-auth/cookies";

/**
 * Puts an admin back into their own session once an impersonation session has run out.
 * better-auth's `stopImpersonating` needs the impersonation session to be alive, so at expiry
 * the admin was simply signed out, although their own session — its token kept in the signed
 * `admin_session` cookie when the impersonation began — was still valid.
 *
 * Only when no session is alive (an impersonation still running, or any normal session, is left
 * alone) and the saved session is an unexpired one of a platform admin. The cookie is used once.
 * Called in-process only: the auth route serves no such path over HTTP.
 */
export const resumeAdminSessionPlugin = () =>
  ({
    id: "resume-admin-session",
    endpoints: {
      resumeAdminSession: createAuthEndpoint(
        "/impersonation/resume-admin-session",
        { method: "POST", requireHeaders: true },
        async (ctx) => {
          if (await getSessionFromCtx(ctx)) return ctx.json({ adminUserId: null });
          const adminCookie = ctx.context.createAuthCookie("admin_session");
          const saved = await ctx.getSignedCookie(adminCookie.name, ctx.context.secret);
          expireCookie(ctx, adminCookie);
          if (!saved) return ctx.json({ adminUserId: null });
          const [token, dontRememberMe] = saved.split(":");
          const admin = token ? await ctx.context.internalAdapter.findSession(token) : null;
          const isAdmin = (admin?.user.role ?? "").split(",").includes("admin");
          if (!admin || !isAdmin || admin.user.banned || admin.session.expiresAt <= new Date())
            return ctx.json({ adminUserId: null });
          await setSessionCookie(ctx, admin, Boolean(dontRememberMe));
          return ctx.json({ adminUserId: admin.user.id as string });
        },
      ),
    },
  }) satisfies BetterAuthPlugin;
