/**
 * The account that owns what nobody in the portal did: bookings made directly in Acuity and
 * webhook-driven changes. Not a person: it has no credential, cannot sign in, and the policy
 * keeps admins from impersonating it or giving it a password.
 */
export const SYSTEM_ACCOUNT = { name: "Acuity Sync (system)", email: "system@ime.internal" } as const;

export const isSystemAccount = (user: { email: string }) => user.email.toLowerCase() === SYSTEM_ACCOUNT.email;
