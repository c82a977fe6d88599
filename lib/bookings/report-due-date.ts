import { addDays, localDateIn, weekdayOf } from "@/lib/time/zoned";

/**
 * PRODUCT.md "Report due dates": a report is due N business days after the examination, in the
 * specialist's days — N an organization setting (`organization_settings.report_due_business_days`),
 * default 10. The database keeps each booking's `report_due_on` by the same rule (migration 0014's
 * `add_business_days`); this is the rule in TypeScript, for forms and tests.
 */
export const REPORT_DUE_BUSINESS_DAYS = 10;

const isWeekend = (date: string) => {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
};

/**
 * The `YYYY-MM-DD` a report is due: `businessDays` weekdays after the examination's day in the
 * specialist's zone (Saturdays and Sundays do not count; public holidays are not known, so they
 * count as business days).
 */
export function reportDueDate(
  appointmentDate: Date,
  specialistTimeZone: string,
  businessDays = REPORT_DUE_BUSINESS_DAYS,
): string {
  let day = localDateIn(appointmentDate, specialistTimeZone);
  for (let counted = 0; counted < businessDays;) {
    day = addDays(day, 1);
    if (!isWeekend(day)) counted += 1;
  }
  return day;
}

/** Overdue: the specialist's today is past the due date (the due day itself is still on time). */
export function isReportOverdue(dueDate: string, now: Date, specialistTimeZone: string): boolean {
  return localDateIn(now, specialistTimeZone) > dueDate;
}
