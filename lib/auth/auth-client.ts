"use client";
import { createAuthClient } from "better-auth/react";

/**
 * Sign-in and sign-out go through the HTTP endpoint so better-auth's rate limiter and origin
 * check apply. Nothing else: the auth route serves only those two (app/api/auth/[...all]),
 * so no admin or organization plugin here — a call through one would be a 404.
 */
export const authClient = createAuthClient();
