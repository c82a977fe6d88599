/**
 * The organization setting "Reports due after N business days" (PRODUCT.md "Report due dates"):
 * its bounds, its form's schema and its read. The database keeps each booking's due day from it
 * (migration 0014's triggers); lib/bookings/report-due-date.ts is the same rule in TypeScript.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { organizationSettings } from "@/db/schema";
import { REPORT_DUE_BUSINESS_DAYS } from "@/lib/bookings/report-due-date";
import { recordIdField } from "@/lib/validation/limits";

/** The column's CHECK (organization_settings_report_due_days_check). */
export const REPORT_DUE_DAYS_MIN = 1;
export const REPORT_DUE_DAYS_MAX = 60;

const outOfRange = `Enter a whole number of business days from ${REPORT_DUE_DAYS_MIN} to ${REPORT_DUE_DAYS_MAX}`;

/** Posted by a plain form: the number arrives as a string. */
export const reportDueDaysSchema = z.object({
  organizationId: recordIdField(),
  reportDueBusinessDays: z
    .union([z.string().trim().max(10, outOfRange), z.number()])
    .transform((value, ctx) => {
      const text = String(value);
      if (!/^\d+$/.test(text)) {
        ctx.addIssue({ code: "custom", message: outOfRange });
        return z.NEVER;
      }
      return Number(text);
    })
    .pipe(z.number().int().min(REPORT_DUE_DAYS_MIN, outOfRange).max(REPORT_DUE_DAYS_MAX, outOfRange)),
});
export type ReportDueDaysInput = z.infer<typeof reportDueDaysSchema>;

/** The organization's setting, or the default when it has no settings row. */
export async function getReportDueBusinessDays(db: DbOrTx, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ days: organizationSettings.reportDueBusinessDays })
    .from(organizationSettings)
    .where(eq(organizationSettings.organizationId, organizationId));
  return row?.days ?? REPORT_DUE_BUSINESS_DAYS;
}
