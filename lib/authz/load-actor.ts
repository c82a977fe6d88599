import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, specialists, teamMembers, teams, users } from "@/db/schema";
import { strongestOrganizationRole, type Actor } from "./actor";

/** Builds the actor for a user from the database; null when the user no longer exists. */
export async function loadActor(
  db: DbOrTx,
  userId: string,
  impersonatorId: string | null,
): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;

  const [memberships, teamRows, specialistRows] = await Promise.all([
    db
      .select({ organizationId: members.organizationId, role: members.role })
      .from(members)
      .where(eq(members.userId, userId)),
    db
      .select({ teamId: teams.id, organizationId: teams.organizationId })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.userId, userId)),
    db.select({ id: specialists.id }).from(specialists).where(eq(specialists.userId, userId)),
  ]);

  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    platformRole: (user.role ?? "user").split(",").includes("admin") ? "admin" : "user",
    specialistIds: specialistRows.map((s) => s.id),
    memberships: memberships.map((m) => ({
      organizationId: m.organizationId,
      role: strongestOrganizationRole(m.role),
    })),
    teams: teamRows,
    impersonatorId,
  };
}
