import { getAuth } from "./auth";

/** The prefix better-auth's reset flow gives the verification row of a reset token. */
const RESET_IDENTIFIER_PREFIX = "reset-password:";

/** At most what better-auth makes (24 characters); anything longer is not one of its tokens. */
const MAX_TOKEN_LENGTH = 128;

/**
 * Whether a reset link's token can still set a password (exists, unused, not expired) — so the
 * page says "ask for a new link" at once, instead of after the person typed a new password twice.
 * Read through better-auth's own adapter, which knows how it stores the identifier. The reset
 * itself checks again (and consumes the token) when the form is sent.
 */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return false;
  const context = await getAuth().$context;
  const row = await context.internalAdapter.findVerificationValue(`${RESET_IDENTIFIER_PREFIX}${token}`);
  return row !== null && new Date(row.expiresAt) > new Date();
}
