import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { strongestOrganizationRole, type Actor } from "./actor";

/** An actor and what their organizations ask of them, read together (lib/auth/session-standing.ts). */
export interface LoadedActor {
  actor: Actor;
  /** Of the actor's organizations, those whose owner requires two-factor of their members. */
  organizationsRequiringTwoFactor: Set<string>;
}

/** The user's columns and what the actor is built from, as loadActorWithStanding's statement returns them. */
export type ActorRow = {
  id: string;
  name: string;
  email: string;
  role: string | null;
  memberships: { organizationId: string; role: string }[];
  teams: { teamId: string; organizationId: string }[];
  specialist_ids: string[];
  organizations_requiring_two_factor: string[];
};

/**
 * The actor's columns for the user aliased `u`: their memberships, teams and specialist links, and
 * which of their organizations require two-factor — shared by loadActorWithStanding and the
 * session read (lib/auth/read-session.ts), which adds them to its own statement. Plain SQL, every
 * column qualified: drizzle writes a single-table select's columns unqualified, which inside these
 * correlated subqueries would be ambiguous (members.user_id vs users.id).
 */
export const ACTOR_COLUMNS = sql.raw(`u.id, u.name, u.email, u.role,
      coalesce((SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role) ORDER BY m.organization_id)
                  FROM members m WHERE m.user_id = u.id), '[]'::json) AS memberships,
      coalesce((SELECT json_agg(json_build_object('teamId', t.id, 'organizationId', t.organization_id) ORDER BY t.id)
                  FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = u.id), '[]'::json) AS teams,
      coalesce((SELECT json_agg(s.id ORDER BY s.id) FROM specialists s WHERE s.user_id = u.id), '[]'::json) AS specialist_ids,
      coalesce((SELECT json_agg(os.organization_id) FROM organization_settings os
                 WHERE os.require_two_factor
                   AND os.organization_id IN (SELECT m.organization_id FROM members m WHERE m.user_id = u.id)),
               '[]'::json) AS organizations_requiring_two_factor`);

/** The actor of an ActorRow (acting as themselves, or impersonated by `impersonatorId`). */
export function actorFromRow(row: ActorRow, impersonatorId: string | null): LoadedActor {
  return {
    actor: {
      userId: row.id,
      name: row.name,
      email: row.email,
      platformRole: (row.role ?? "user").split(",").includes("admin") ? "admin" : "user",
      specialistIds: row.specialist_ids,
      memberships: row.memberships.map((m) => ({
        organizationId: m.organizationId,
        role: strongestOrganizationRole(m.role),
      })),
      teams: row.teams,
      impersonatorId,
    },
    organizationsRequiringTwoFactor: new Set(row.organizations_requiring_two_factor),
  };
}

/**
 * The user, their memberships, teams and specialist links, and which of their organizations
 * require two-factor — in ONE statement. Every signed-in page, action and route resolves its
 * actor, so this is on every request: one round trip instead of two rounds of four queries (the
 * user, then three at once, each taking a pooled connection) and a fifth for the organizations'
 * settings. Null when the user no longer exists. (A page's request reads it with the session, in
 * the session's statement: lib/auth/read-session.ts.)
 */
export async function loadActorWithStanding(
  db: DbOrTx,
  userId: string,
  impersonatorId: string | null,
): Promise<LoadedActor | null> {
  const { rows } = await db.execute<ActorRow>(
    sql`SELECT ${ACTOR_COLUMNS} FROM users u WHERE u.id = ${userId}`,
  );
  const row = rows[0];
  return row ? actorFromRow(row, impersonatorId) : null;
}

/** Builds the actor for a user from the database; null when the user no longer exists. */
export async function loadActor(
  db: DbOrTx,
  userId: string,
  impersonatorId: string | null,
): Promise<Actor | null> {
  return (await loadActorWithStanding(db, userId, impersonatorId))?.actor ?? null;
}
