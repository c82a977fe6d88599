import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { bookings } from "@/db/schema";
import { newId } from "@/lib/ids";

type BookingChanges = Partial<typeof bookings.$inferInsert>;

/**
 * Copies of one booking row with some fields changed: a list's tests need many bookings like a
 * fixture one (its organization, team, specialist) but for a name, a date or a stage. Each copy has
 * an id (its own, unless the changes name one) and an Acuity id of its own. Returns the copies' ids,
 * in the changes' order.
 */
export async function insertBookingCopies(
  templateId: string,
  changes: BookingChanges[],
  db: Database = getDb(),
): Promise<string[]> {
  const [template] = await db.select().from(bookings).where(eq(bookings.id, templateId));
  if (!template) throw new Error(`no booking ${templateId} to copy`);
  const copies = changes.map((change) => {
    const id = change.id ?? newId();
    return { ...template, ...change, id, acuityAppointmentId: `${template.acuityAppointmentId}-${id}` };
  });
  await db.insert(bookings).values(copies);
  return copies.map((copy) => copy.id);
}
