import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { specialists, users } from "@/db/schema";

/** Every specialist with their user's e-mail — admin console only (callers check the policy). */
export function listSpecialistsForAdmin(db: DbOrTx) {
  return db
    .select({
      id: specialists.id,
      name: specialists.name,
      specialty: specialists.specialty,
      location: specialists.location,
      isActive: specialists.isActive,
      timezone: specialists.timezone,
      acuityCalendarId: specialists.acuityCalendarId,
      userEmail: users.email,
    })
    .from(specialists)
    .innerJoin(users, eq(users.id, specialists.userId))
    .orderBy(asc(specialists.name));
}
