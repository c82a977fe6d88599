"use client";
import { createAuthClient } from "better-auth/react";

/**
 * Sign-in, sign-out and the forgot-password pair (request a link, set the new password) go
 * through the HTTP endpoint so better-auth's rate limiter and origin check apply. Nothing else:
 * the auth route serves only those (app/api/auth/[...all]), so no admin or organization plugin
 * here — a call through one would be a 404.
 */
export const authClient = createAuthClient();
