import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { teams } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import type { Actor } from "@/lib/authz/actor";
import { canCreateBooking } from "@/lib/authz/policy";
import { getActiveSpecialist, type ActiveSpecialist } from "@/lib/specialists/get-active-specialist";
import type { CreateBookingInput } from "./schemas";

/**
 * Everything about a booking request that can be refused before Acuity is asked: the
 * specialist exists and is active, offers the appointment type, and the policy lets the
 * actor book for that organization and team.
 */
export async function validateBookingTarget(
  db: DbOrTx,
  actor: Actor,
  input: CreateBookingInput,
): Promise<ActiveSpecialist> {
  const specialist = await getActiveSpecialist(db, input.specialistId);
  if (!specialist) throw new NotFoundError("That specialist");
  if (input.appointmentType === "in_person" && !specialist.location) {
    throw new UserFacingError("invalid_input", `${specialist.name} examines by telehealth only.`, {
      appointmentType: ["In person is not available with this specialist — choose telehealth"],
    });
  }
  const [team] = input.teamId
    ? await db
        .select({ id: teams.id, organizationId: teams.organizationId })
        .from(teams)
        .where(eq(teams.id, input.teamId))
    : [null];
  // A team that does not exist is refused exactly like one of another organization: a
  // different answer would tell a referrer which ids are other organizations' teams.
  if (
    (input.teamId && !team) ||
    !canCreateBooking(actor, { organizationId: input.organizationId, team: team ?? null })
  ) {
    throw new UserFacingError("forbidden", "You can't book for that organization or team.", {
      teamId: ["Choose one of your teams"],
    });
  }
  return specialist;
}
