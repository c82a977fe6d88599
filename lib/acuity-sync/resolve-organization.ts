import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, organizations, users } from "@/db/schema";
import type { AcuityAppointment } from "@/lib/acuity";
import { config } from "@/lib/config";
import { newId } from "@/lib/ids";

export const TRIAGE_ORGANIZATION = { slug: "triage", name: "Unassigned Acuity bookings (triage)" };

export type OrganizationResolution =
  | { rule: "client_email"; organizationId: string; userId: string }
  | { rule: "intake_field"; organizationId: string }
  | { rule: "triage"; organizationId: string };

/** The intake-form field (Acuity field id) in which staff may name the organization. */
const organizationFieldId = (): number | null => config().ACUITY_ORGANIZATION_FIELD_ID ?? null;

function intakeFieldValue(appointment: AcuityAppointment, fieldId: number): string | null {
  for (const form of appointment.forms) {
    for (const value of form.values ?? []) {
      const entry = value as { fieldID?: number; value?: unknown };
      if (entry.fieldID === fieldId && typeof entry.value === "string" && entry.value.trim())
        return entry.value.trim();
    }
  }
  return null;
}

const findTriageOrganization = async (db: DbOrTx) =>
  (
    await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, TRIAGE_ORGANIZATION.slug))
  )[0]?.id;

/** Read first: it exists after the first direct booking, and every later one needs only the read. */
async function ensureTriageOrganization(db: DbOrTx): Promise<string> {
  const existing = await findTriageOrganization(db);
  if (existing) return existing;
  await db
    .insert(organizations)
    .values({ id: newId(), ...TRIAGE_ORGANIZATION, createdAt: new Date() })
    .onConflictDoNothing({ target: organizations.slug });
  return (await findTriageOrganization(db))!;
}

/**
 * Which organization an appointment made directly in Acuity belongs to — the documented rule:
 * 1. a portal user with the client's e-mail who belongs to exactly one organization;
 * 2. else the intake-form field ACUITY_ORGANIZATION_FIELD_ID naming an organization (name or slug);
 * 3. else the triage organization, where admins review and move it.
 */
export async function resolveOrganization(
  db: DbOrTx,
  appointment: AcuityAppointment,
): Promise<OrganizationResolution> {
  const email = appointment.email.trim().toLowerCase();
  if (email) {
    const memberships = await db
      .select({ organizationId: members.organizationId, userId: users.id })
      .from(users)
      .innerJoin(members, eq(members.userId, users.id))
      .where(sql`lower(${users.email}) = ${email}`);
    if (memberships.length === 1) return { rule: "client_email", ...memberships[0]! };
  }
  const fieldId = organizationFieldId();
  const named = fieldId ? intakeFieldValue(appointment, fieldId) : null;
  if (named) {
    const matches = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        sql`lower(${organizations.name}) = ${named.toLowerCase()} OR lower(${organizations.slug}) = ${named.toLowerCase()}`,
      );
    if (matches.length === 1) return { rule: "intake_field", organizationId: matches[0]!.id };
  }
  return { rule: "triage", organizationId: await ensureTriageOrganization(db) };
}
