/**
 * The header better-auth reads the client address from. Only the auth route sets it, always,
 * replacing whatever the client sent (app/api/auth/[...all]/route.ts).
 */
export const CLIENT_ADDRESS_HEADER = "x-ime-client-address";
