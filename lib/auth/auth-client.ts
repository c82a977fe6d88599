"use client";
import { adminClient, organizationClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";

/** Sign-in goes through the HTTP endpoint so better-auth's rate limiter and origin check apply. */
export const authClient = createAuthClient({
  plugins: [adminClient(), organizationClient({ teams: { enabled: true } })],
});
