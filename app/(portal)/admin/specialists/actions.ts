"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  createSpecialistDefinition,
  setSpecialistActiveDefinition,
  updateSpecialistDefinition,
} from "@/lib/specialists-admin/save-specialist";

export const createSpecialistAction = defineAction(createSpecialistDefinition);
export const updateSpecialistAction = defineAction(updateSpecialistDefinition);
export const setSpecialistActiveAction = defineAction(setSpecialistActiveDefinition);
