"use server";
import { getSessionStanding } from "@/lib/auth/current-session";
import { enrolmentKeyFor, type EnrolmentKey } from "@/lib/two-factor/enrolment-qr";

/**
 * Draws the QR code of an enrolment the browser just started over /api/auth (POST
 * /two-factor/enable). Not a change (no defineAction): it reads and writes nothing, and a user
 * who owes an enrolment has no actor yet — only a session, which it requires.
 */
export async function enrolmentKeyAction(totpUri: string): Promise<EnrolmentKey | null> {
  if (!(await getSessionStanding())) return null;
  return typeof totpUri === "string" ? enrolmentKeyFor(totpUri) : null;
}
