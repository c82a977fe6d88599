import { symmetricEncrypt, type SecretConfig } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { twoFactors, users } from "@/db/schema";

/**
 * Writes a confirmed enrolment the way better-auth's twoFactor plugin stores one (secret and
 * backup codes encrypted with the auth secret), without the screens: for the demo seed's fixed
 * demo secret and for tests. `secret` is the raw TOTP key the plugin would have generated (its
 * bytes are the HMAC key; the otpauth address carries them in base32). Never used for real accounts.
 */
export async function enrolTwoFactorDirectly(
  db: DbOrTx,
  authSecret: string | SecretConfig,
  userId: string,
  enrolment: { secret: string; backupCodes: string[] },
): Promise<void> {
  const values = {
    secret: await symmetricEncrypt({ key: authSecret, data: enrolment.secret }),
    backupCodes: await symmetricEncrypt({ key: authSecret, data: JSON.stringify(enrolment.backupCodes) }),
    verified: true,
    failedVerificationCount: 0,
    lockedUntil: null,
  };
  await db
    .insert(twoFactors)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: twoFactors.userId, set: values });
  await db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, userId));
}
