import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, members, organizations, teamMembers, teams, users } from "@/db/schema";

/** One organization with members, teams (and their members) and pending invitations — admin console only. */
export async function getOrganizationDetail(db: DbOrTx, organizationId: string, now = new Date()) {
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) return null;
  const [memberRows, teamRows, teamMemberRows, pending] = await Promise.all([
    db
      .select({
        memberId: members.id,
        userId: users.id,
        name: users.name,
        email: users.email,
        role: members.role,
        banned: users.banned,
      })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.organizationId, organizationId))
      .orderBy(asc(users.name)),
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.organizationId, organizationId))
      .orderBy(asc(teams.name)),
    db
      .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teams.organizationId, organizationId)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        teamId: invitations.teamId,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, organizationId),
          eq(invitations.status, "pending"),
          gt(invitations.expiresAt, now),
        ),
      )
      .orderBy(asc(invitations.email)),
  ]);
  const nameOf = new Map(memberRows.map((m) => [m.userId, m.name]));
  return {
    organization,
    members: memberRows.map((m) => ({
      ...m,
      teamIds: teamMemberRows.filter((t) => t.userId === m.userId).map((t) => t.teamId),
    })),
    teams: teamRows.map((t) => ({
      ...t,
      members: teamMemberRows
        .filter((tm) => tm.teamId === t.id)
        .map((tm) => ({ userId: tm.userId, name: nameOf.get(tm.userId) ?? tm.userId })),
    })),
    pendingInvitations: pending,
  };
}
