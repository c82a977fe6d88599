import { z } from "zod";
import { ORGANIZATION_ROLES } from "@/lib/users/schemas";
import { atMost, emailField, LIMITS, optionalIdField, recordIdField } from "@/lib/validation/limits";

const id = (what: string) => recordIdField(`Choose ${what}`);
const name = (what: "organization" | "team") => {
  const max = what === "team" ? LIMITS.teamName : LIMITS.organizationName;
  return z.string().trim().min(2, `Enter the ${what}'s name (at least 2 characters)`).max(max, atMost(max));
};
const optionalId = optionalIdField();

export const createOrganizationSchema = z.object({
  name: name("organization"),
  firstTeamName: z.string().trim().max(LIMITS.teamName, atMost(LIMITS.teamName)).optional(),
});
export const renameOrganizationSchema = z.object({
  organizationId: id("an organization"),
  name: name("organization"),
});

export const addMemberSchema = z.object({
  organizationId: id("an organization"),
  email: emailField("Enter the e-mail of an existing user"),
  role: z.enum(ORGANIZATION_ROLES),
  teamId: optionalId,
});
export const memberSchema = z.object({ organizationId: id("an organization"), memberId: id("a member") });
export const setMemberRoleSchema = memberSchema.extend({ role: z.enum(ORGANIZATION_ROLES) });

export const createTeamSchema = z.object({ organizationId: id("an organization"), name: name("team") });
export const renameTeamSchema = z.object({ teamId: id("a team"), name: name("team") });
export const teamSchema = z.object({ teamId: id("a team") });
export const teamMemberSchema = z.object({ teamId: id("a team"), userId: id("a member") });

export const inviteMemberSchema = z.object({
  organizationId: id("an organization"),
  email: emailField("Enter a valid e-mail address"),
  role: z.enum(ORGANIZATION_ROLES),
  teamId: optionalId,
});
export const invitationIdSchema = z.object({ invitationId: id("an invitation") });

/** "Harbor & Finch Lawyers" → "harbor-finch-lawyers". */
export const slugFromName = (value: string) =>
  value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "organization";
