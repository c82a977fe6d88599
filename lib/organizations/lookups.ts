import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { members, organizations, teams, users } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";

/** Small reads the organization actions share; each missing record reads as "not found". */
export async function organizationById(tx: Tx, organizationId: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!row) throw new NotFoundError("That organization");
  return row;
}

export async function teamById(tx: Tx, teamId: string) {
  const [row] = await tx.select().from(teams).where(eq(teams.id, teamId));
  if (!row) throw new NotFoundError("That team");
  return row;
}

export async function teamOfOrganization(tx: Tx, organizationId: string, teamId: string) {
  const team = await teamById(tx, teamId);
  if (team.organizationId !== organizationId)
    throw new UserFacingError("invalid_input", "That team belongs to another organization.", {
      teamId: ["Not in this organization"],
    });
  return team;
}

export async function memberById(tx: Tx, organizationId: string, memberId: string) {
  const [row] = await tx
    .select({ id: members.id, userId: members.userId, role: members.role, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.id, memberId), eq(members.organizationId, organizationId)));
  if (!row) throw new NotFoundError("That member");
  return row;
}

export async function membershipOf(tx: Tx, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ id: members.id, role: members.role })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.userId, userId)));
  return row ?? null;
}

export async function userByEmail(tx: Tx, email: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

/** A slug not yet taken: name-based, then -2, -3, … */
export async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set(
    (
      await tx
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(sql`${organizations.slug} LIKE ${`${base}%`}`)
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
