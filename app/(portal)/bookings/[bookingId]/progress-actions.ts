"use server";
import { defineAction } from "@/lib/actions/define-action";
import { getAcuityClient } from "@/lib/acuity";
import { acuityProgressSideEffect } from "@/lib/bookings/progress/acuity-side-effect";
import {
  changeProgressDefinition,
  correctProgressDefinition,
} from "@/lib/bookings/progress/progress-action-definitions";

/** A regular stage change (no-show, report started/ready, payment, cancel) — the state machine decides. */
export const changeProgressAction = defineAction(
  changeProgressDefinition(() => acuityProgressSideEffect(getAcuityClient())),
);

/** An admin's correction of the stage, with a note; marked as a correction in the timeline and audit. */
export const correctProgressAction = defineAction(correctProgressDefinition());
