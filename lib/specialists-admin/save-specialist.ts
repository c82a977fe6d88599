import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { specialists, users } from "@/db/schema";
import { getAcuityClient, type AcuityCalendar } from "@/lib/acuity";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import {
  createSpecialistSchema,
  setSpecialistActiveSchema,
  updateSpecialistSchema,
  type specialistFieldsSchema,
} from "./schemas";

type Fields = z.infer<typeof specialistFieldsSchema>;

/** The calendar must be one Acuity reports now; its time zone becomes the specialist's. */
async function calendarFromAcuity(calendarId: string): Promise<AcuityCalendar> {
  let calendars: AcuityCalendar[];
  try {
    calendars = await getAcuityClient().listCalendars();
  } catch (error) {
    const message = (error as { userMessage?: string }).userMessage ?? "Acuity could not be reached";
    throw new UserFacingError(
      "upstream_unavailable",
      `${message.replace(/\.$/, "")} — the calendar cannot be checked, so nothing was saved.`,
    );
  }
  const calendar = calendars.find((c) => String(c.id) === calendarId);
  if (!calendar)
    throw new UserFacingError("invalid_input", "Acuity does not report this calendar any more.", {
      acuityCalendarId: ["Not in Acuity"],
    });
  return calendar;
}

async function userIdByEmail(tx: Tx, email: string): Promise<string> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!user)
    throw new UserFacingError("invalid_input", "No user has this e-mail — create the user first.", {
      userEmail: ["No such user"],
    });
  return user.id;
}

const isUniqueViolation = (error: unknown) => {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23505") return true;
  return false;
};

/**
 * One specialist per Acuity calendar: the unique constraint decides (two admins saving at
 * once cannot both win), and the loser reads a sentence, not a constraint name. A savepoint
 * keeps the transaction usable for the message.
 */
async function writeOnce<T>(tx: Tx, calendarName: string, write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await tx.transaction(write);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UserFacingError(
        "conflict",
        `The Acuity calendar "${calendarName}" is already linked to another specialist.`,
        {
          acuityCalendarId: ["Already linked"],
        },
      );
    }
    throw error;
  }
}

const rowFrom = (fields: Fields, userId: string, calendar: AcuityCalendar) => ({
  userId,
  acuityCalendarId: String(calendar.id),
  name: fields.name,
  specialty: fields.specialty,
  location: fields.location,
  timezone: calendar.timezone,
});

export const createSpecialistDefinition = adminAction({
  input: createSpecialistSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const calendar = await calendarFromAcuity(input.acuityCalendarId);
    const userId = await userIdByEmail(tx, input.userEmail);
    const row = rowFrom(input, userId, calendar);
    const [created] = await writeOnce(tx, calendar.name, (sp) =>
      sp.insert(specialists).values(row).returning({ id: specialists.id }),
    );
    await audit({
      action: "specialist.created",
      resourceType: "specialist",
      resourceId: created!.id,
      metadata: { ...row, calendarName: calendar.name },
    });
    return { specialistId: created!.id };
  },
});

export const updateSpecialistDefinition = adminAction({
  input: updateSpecialistSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const [before] = await tx
      .select()
      .from(specialists)
      .where(eq(specialists.id, input.specialistId))
      .for("update");
    if (!before) throw new NotFoundError("That specialist");
    const calendar = await calendarFromAcuity(input.acuityCalendarId);
    const userId = await userIdByEmail(tx, input.userEmail);
    const row = rowFrom(input, userId, calendar);
    await writeOnce(tx, calendar.name, (sp) =>
      sp
        .update(specialists)
        .set({ ...row, updatedAt: new Date() })
        .where(eq(specialists.id, before.id)),
    );
    const changed = Object.fromEntries(
      Object.entries(row)
        .filter(([key, value]) => before[key as keyof typeof before] !== value)
        .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
    );
    await audit({
      action: "specialist.updated",
      resourceType: "specialist",
      resourceId: before.id,
      metadata: { changed },
    });
    return { specialistId: before.id };
  },
});

/** Inactive specialists disappear from the finder; their bookings stay as they are. */
export const setSpecialistActiveDefinition = adminAction({
  input: setSpecialistActiveSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const [updated] = await tx
      .update(specialists)
      .set({ isActive: input.active, updatedAt: new Date() })
      .where(eq(specialists.id, input.specialistId))
      .returning({ id: specialists.id });
    if (!updated) throw new NotFoundError("That specialist");
    await audit({
      action: "specialist.updated",
      resourceType: "specialist",
      resourceId: updated.id,
      metadata: { changed: { isActive: { to: input.active } } },
    });
    return { specialistId: updated.id };
  },
});
