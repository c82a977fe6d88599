"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  cancelInvitationDefinition,
  inviteMemberDefinition,
} from "@/lib/organizations/invitation-definitions";
import {
  addMemberDefinition,
  removeMemberDefinition,
  setMemberRoleDefinition,
} from "@/lib/organizations/member-definitions";
import {
  createOrganizationDefinition,
  renameOrganizationDefinition,
} from "@/lib/organizations/organization-definitions";
import {
  addTeamMemberDefinition,
  createTeamDefinition,
  deleteTeamDefinition,
  removeTeamMemberDefinition,
  renameTeamDefinition,
} from "@/lib/organizations/team-definitions";

export const createOrganizationAction = defineAction(createOrganizationDefinition);
export const renameOrganizationAction = defineAction(renameOrganizationDefinition);
export const addMemberAction = defineAction(addMemberDefinition);
export const removeMemberAction = defineAction(removeMemberDefinition);
export const setMemberRoleAction = defineAction(setMemberRoleDefinition);
export const createTeamAction = defineAction(createTeamDefinition);
export const renameTeamAction = defineAction(renameTeamDefinition);
export const deleteTeamAction = defineAction(deleteTeamDefinition);
export const addTeamMemberAction = defineAction(addTeamMemberDefinition);
export const removeTeamMemberAction = defineAction(removeTeamMemberDefinition);
export const cancelInvitationAction = defineAction(cancelInvitationDefinition);

/** The outbox row and its delivery job commit with the invitation's audit row; a worker sends it after. */
export const inviteMemberAction = defineAction(inviteMemberDefinition);
