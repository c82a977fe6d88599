import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import * as t from "@/db/schema";
import { DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { newId } from "@/lib/ids";
import { enrolTwoFactorDirectly } from "@/lib/two-factor/enrol-directly";
import { demoMeetingLink, type DemoBookingPlan } from "./demo-bookings";
import {
  DEMO_ADMIN,
  DEMO_BACKUP_CODES,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  SYSTEM_USER,
} from "./demo-people";
import { seedDemoCharges, seedDemoFeeSchedule } from "./demo-fee-schedule";
import { demoProgressHistory } from "./demo-progress-history";
import { ensureSystemUser } from "./system-user";

async function createUser(
  tx: Tx,
  person: { name: string; email: string },
  passwordHash: string,
  role = "user",
) {
  const id = newId();
  await tx.insert(t.users).values({ id, name: person.name, email: person.email, emailVerified: true, role });
  await tx.insert(t.accounts).values({
    accountId: id,
    providerId: "credential",
    userId: id,
    password: passwordHash,
    updatedAt: new Date(),
  });
  return id;
}

/**
 * Loads the demo world once: an admin, three referrer organizations with teams and people,
 * six specialists and the planned bookings with their progress history. Does nothing when
 * the admin already exists, so every start may call it.
 *
 * With `authSecret` (the portal's BETTER_AUTH_SECRET), the demo admin and the specialists — who
 * must use two-factor sign-in — are enrolled with the public DEMO_TOTP_SECRET, so the demo signs
 * in with `npm run demo:totp -- <email>`; without it they enrol at their first sign-in.
 */
export async function seedDemoData(
  db: Database,
  plans: DemoBookingPlan[],
  options: {
    authSecret?: string;
    /**
     * The default fee schedule and the charges the demo histories made (default on). The
     * integration suite leaves it out: its database is shared by every test file, and a default
     * schedule would charge every fixture organization's stage changes behind those tests' backs.
     */
    feeSchedule?: boolean;
  } = {},
): Promise<boolean> {
  const existing = await db
    .select({ id: t.users.id })
    .from(t.users)
    .where(eq(t.users.email, DEMO_ADMIN.email));
  if (existing.length > 0) return false;
  // One hash for every demo user: scrypt is deliberately slow, and the password is shared.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const adminId = await createUser(tx, DEMO_ADMIN, passwordHash, "admin");
    const systemUserId = await ensureSystemUser(tx);
    const now = new Date();

    const organizations = [];
    for (const org of DEMO_ORGANIZATIONS) {
      const organizationId = newId();
      await tx
        .insert(t.organizations)
        .values({ id: organizationId, name: org.name, slug: org.slug, createdAt: now });
      const teamIds = org.teams.map(() => newId());
      await tx
        .insert(t.teams)
        .values(org.teams.map((name, i) => ({ id: teamIds[i], name, organizationId, createdAt: now })));
      const peopleIds: string[] = [];
      for (const person of org.people) {
        const userId = await createUser(tx, person, passwordHash);
        peopleIds.push(userId);
        await tx.insert(t.members).values({ organizationId, userId, role: person.role, createdAt: now });
        for (const teamIndex of person.teams) {
          await tx.insert(t.teamMembers).values({ teamId: teamIds[teamIndex]!, userId, createdAt: now });
        }
      }
      organizations.push({ organizationId, teamIds, peopleIds });
    }

    const specialistIds: string[] = [];
    const specialistUserIds: string[] = [];
    for (const calendar of DEMO_CALENDARS) {
      const userId = await createUser(
        tx,
        { name: calendar.specialistName, email: calendar.email },
        passwordHash,
      );
      specialistUserIds.push(userId);
      const [row] = await tx
        .insert(t.specialists)
        .values({
          userId,
          acuityCalendarId: String(calendar.id),
          name: calendar.specialistName,
          specialty: calendar.specialty,
          location: calendar.location,
          timezone: calendar.timezone,
        })
        .returning({ id: t.specialists.id });
      specialistIds.push(row!.id);
    }

    if (options.authSecret) {
      for (const userId of [adminId, ...specialistUserIds])
        await enrolTwoFactorDirectly(tx, options.authSecret, userId, {
          secret: DEMO_TOTP_SECRET,
          backupCodes: DEMO_BACKUP_CODES,
        });
    }

    const billing = options.feeSchedule ?? true;
    if (billing) await seedDemoFeeSchedule(tx, adminId);
    for (const plan of plans) {
      const org = organizations[plan.organizationIndex]!;
      const createdById = plan.creatorIndex === null ? systemUserId : org.peopleIds[plan.creatorIndex]!;
      const bookingId = newId();
      await tx.insert(t.bookings).values({
        id: bookingId,
        acuityAppointmentId: String(plan.acuityAppointmentId),
        specialistId: specialistIds[plan.calendarIndex]!,
        organizationId: org.organizationId,
        teamId: plan.teamIndex === null ? null : org.teamIds[plan.teamIndex]!,
        createdById,
        examineeName: `${plan.examinee.firstName} ${plan.examinee.lastName}`,
        examineePhone: plan.examinee.phone,
        examineeEmail: plan.examinee.email,
        appointmentDate: plan.appointmentDate,
        appointmentType: plan.appointmentType,
        meetingLink: plan.appointmentType === "telehealth" ? demoMeetingLink(plan.acuityAppointmentId) : null,
        status: plan.status,
        currentProgress: plan.progressPath.at(-1)!,
        source: plan.source,
        externalCreatedBy: plan.source === "acuity_direct" ? "frontdesk@provider.test" : null,
        createdAt: plan.createdAt,
        ...demoReferralDetails(plan),
      });
      const history = demoProgressHistory(
        plan,
        { creatorId: createdById, specialistUserId: specialistUserIds[plan.calendarIndex]!, adminId },
        now,
      );
      await tx.insert(t.bookingProgress).values(history.map((row) => ({ bookingId, ...row })));
      if (billing) await seedDemoCharges(tx, bookingId, history);
    }
  });
  return true;
}

/**
 * Referral details on every third booking made in the portal (issue 15), derived from the
 * appointment id so the plan — and the emulator built from it — stays as it was.
 */
function demoReferralDetails(plan: DemoBookingPlan) {
  const n = plan.acuityAppointmentId;
  if (plan.source !== "portal" || n % 3 !== 0) return {};
  const injured = new Date(plan.createdAt.getTime() - (30 + (n % 200)) * 86_400_000);
  return {
    claimNumber: `WC-${injured.getUTCFullYear()}-${String(n).slice(-5)}`,
    dateOfInjury: injured.toISOString().slice(0, 10),
    reportType: n % 2 === 0 ? "Independent medical examination" : "File review",
    caseManagerReference: `CM-${String(n % 997).padStart(4, "0")}`,
  };
}

export { SYSTEM_USER };
