import { ActionForm } from "@/components/admin/action-form";
import { FormField, fieldControlClass } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Admin → Organizations → [organization]: "Reports due after N business days" (1–60, default
 * 10). Saving moves the due day of the organization's reports still owed; the hint says so.
 */
export function ReportDueSetting({
  organizationId,
  organizationName,
  businessDays,
  min,
  max,
  action,
}: {
  organizationId: string;
  organizationName: string;
  businessDays: number;
  min: number;
  max: number;
  action: (form: FormData) => Promise<ActionResult<unknown>>;
}) {
  return (
    <section
      aria-labelledby="report-due-heading"
      data-testid="report-due-setting"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="report-due-heading" className="font-medium">
        Report due dates
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        {organizationName}&apos;s reports are due this many business days (Monday to Friday) after the
        examination, counted in the specialist&apos;s days. Bookings past it without a report show as overdue.
      </p>
      <ActionForm
        action={action}
        submitLabel="Save"
        successText="Saved."
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="organizationId" value={organizationId} />
        <FormField
          label="Reports due after (business days)"
          name="reportDueBusinessDays"
          hint={`From ${min} to ${max}; the default is 10. Saving moves the due day of every report still owed; reports already delivered keep the day they were due.`}
          className="max-w-md"
        >
          <input
            name="reportDueBusinessDays"
            // Text with a numeric keypad, not type="number": the browser's own checks (min, max,
            // step) would stop the submit with a bubble before the server's message, tied to the
            // field, could say what to fix.
            inputMode="numeric"
            defaultValue={businessDays}
            className={`${fieldControlClass} max-w-28`}
          />
        </FormField>
      </ActionForm>
    </section>
  );
}
