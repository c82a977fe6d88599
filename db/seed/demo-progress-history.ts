import type { ProgressStage } from "@/db/schema/enums";

/** Stages the specialist records at and after the examination; payment is the provider's. */
const EXAMINATION_STAGES: Partial<Record<ProgressStage, number>> = {
  no_show: 1 * 3_600_000,
  generating_report: 2 * 3_600_000,
  report_generated: 3 * 86_400_000,
  payment_received: 10 * 86_400_000,
};

export interface DemoProgressActors {
  /** Who booked: a referrer, or the system account for bookings made in Acuity. */
  creatorId: string;
  specialistUserId: string;
  adminId: string;
}

/**
 * A demo booking's history as the lifecycle would have written it: the booker schedules,
 * moves and cancels before the examination; the specialist marks a no-show or works on the
 * report after its start; an admin records the payment. Times follow the same order and
 * never pass `now`.
 */
export function demoProgressHistory(
  plan: { progressPath: ProgressStage[]; createdAt: Date; appointmentDate: Date },
  actors: DemoProgressActors,
  now: Date,
) {
  let previous = 0;
  return plan.progressPath.map((progress, step) => {
    const afterExam = EXAMINATION_STAGES[progress];
    const planned =
      afterExam === undefined
        ? plan.createdAt.getTime() + step * 3_600_000
        : plan.appointmentDate.getTime() + afterExam;
    const stepsLeft = plan.progressPath.length - step;
    const at = Math.max(previous + 60_000, Math.min(planned, now.getTime() - stepsLeft * 60_000));
    previous = at;
    const changedById =
      progress === "payment_received"
        ? actors.adminId
        : afterExam !== undefined
          ? actors.specialistUserId
          : actors.creatorId;
    return { progress, changedById, notes: step === 0 ? "Demo booking" : null, createdAt: new Date(at) };
  });
}
