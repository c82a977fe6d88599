/**
 * Admin → Organizations → [organization] → "Reports due after N business days". Upserts
 * organization_settings (the row may not exist yet); the database trigger then moves the due day
 * of the organization's reports still owed — delivered ones keep the day they were due. Audited
 * with the value before and after.
 */
import { eq } from "drizzle-orm";
import { organizationSettings, organizations } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { NotFoundError } from "@/lib/actions/errors";
import { canChangeReportDueDays } from "@/lib/authz/policy";
import { getReportDueBusinessDays, reportDueDaysSchema } from "./report-due-setting";

export const setReportDueDaysDefinition: ActionDefinition<
  typeof reportDueDaysSchema,
  { organizationId: string; reportDueBusinessDays: number; changed: boolean },
  true
> = {
  input: reportDueDaysSchema,
  form: true,
  authorize: canChangeReportDueDays,
  run: async ({ tx, audit }, input) => {
    const [organization] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .for("update");
    if (!organization) throw new NotFoundError("That organization");
    const before = await getReportDueBusinessDays(tx, organization.id);
    const after = input.reportDueBusinessDays;
    if (before === after)
      return { organizationId: organization.id, reportDueBusinessDays: after, changed: false };
    await tx
      .insert(organizationSettings)
      .values({ organizationId: organization.id, reportDueBusinessDays: after })
      .onConflictDoUpdate({
        target: organizationSettings.organizationId,
        set: { reportDueBusinessDays: after, updatedAt: new Date() },
      });
    await audit({
      action: "organization.report_due_days_changed",
      resourceType: "organization",
      resourceId: organization.id,
      metadata: { reportDueBusinessDays: { from: before, to: after } },
    });
    return { organizationId: organization.id, reportDueBusinessDays: after, changed: true };
  },
};
