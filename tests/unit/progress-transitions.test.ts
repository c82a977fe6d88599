/**
 * The progress state machine against a hand-written table: every starting stage × every
 * target stage × referrer / specialist / admin / outsider, before and after the appointment.
 * The table is written from shared/PRODUCT.md, not derived from TRANSITIONS.
 */
import { describe, expect, it } from "vitest";
import { PROGRESS_STAGES, type ProgressStage } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import {
  ARCHIVED_MESSAGE,
  correctionTargets,
  evaluateTransition,
  offeredTransitions,
  type BookingProgressFacts,
} from "@/lib/bookings/progress";
import { buildActors, buildBookings } from "../support/authz-fixture";

const id = (key: string) => key;
const actors = buildActors(id);
// aTeam2: organization A, specialist S1 — ownerA sees it as a referrer, specialistS1 as its doctor.
const facts = buildBookings(id).aTeam2;
const ROLES = {
  referrer: actors.ownerA,
  specialist: actors.specialistS1,
  admin: actors.platformAdmin,
  outsider: actors.outsider,
};
type Role = keyof typeof ROLES;

const APPOINTMENT = new Date("2026-12-01T15:00:00Z");
const TIMING = { before: new Date("2026-12-01T14:59:00Z"), after: new Date("2026-12-01T15:00:00Z") };
type Timing = keyof typeof TIMING;

const booking = (
  currentProgress: ProgressStage,
  status: BookingProgressFacts["status"] = "active",
): BookingProgressFacts => ({
  ...facts,
  currentProgress,
  status,
  appointmentDate: APPOINTMENT,
});

type Allowed = Partial<Record<ProgressStage, ProgressStage[]>>;
const both = (targets: ProgressStage[]): Allowed => ({ scheduled: targets, rescheduled: targets });

/** Regular moves allowed with a note given and a report uploaded; stages not listed allow none. */
const ALLOWED: Record<Role, Record<Timing, Allowed>> = {
  referrer: {
    before: both(["rescheduled", "cancelled"]),
    after: {},
  },
  specialist: {
    before: { generating_report: ["report_generated"] },
    after: { ...both(["no_show", "generating_report"]), generating_report: ["report_generated"] },
  },
  admin: {
    before: {
      ...both(["rescheduled", "cancelled"]),
      generating_report: ["report_generated"],
      report_generated: ["payment_received"],
    },
    after: {
      ...both(["no_show", "generating_report"]),
      generating_report: ["report_generated"],
      report_generated: ["payment_received"],
    },
  },
  outsider: { before: {}, after: {} },
};

const allowedNow = (
  actor: Actor,
  from: ProgressStage,
  timing: Timing,
  extra: { note?: string | null; reportCount?: number } = {},
) =>
  PROGRESS_STAGES.filter(
    (to) =>
      evaluateTransition(actor, booking(from), to, {
        now: TIMING[timing],
        reportCount: extra.reportCount ?? 1,
        note: extra.note === undefined ? "Reason given" : extra.note,
      }).ok,
  );

describe.each(Object.keys(ROLES) as Role[])("regular moves for the %s", (role) => {
  const actor = ROLES[role];
  describe.each(["before", "after"] as Timing[])("%s the appointment time", (timing) => {
    it.each(PROGRESS_STAGES)("from %s: exactly the table's targets", (from) => {
      expect(allowedNow(actor, from, timing)).toEqual(ALLOWED[role][timing][from] ?? []);
    });

    it.each(PROGRESS_STAGES)(
      "from %s: offers the table's moves enabled, the other moves of its rules with a reason",
      (from) => {
        const offered = offeredTransitions(actor, booking(from), { now: TIMING[timing], reportCount: 1 });
        const enabled = offered.filter((o) => o.blockedReason === null).map((o) => o.rule.to);
        expect(enabled.sort()).toEqual([...(ALLOWED[role][timing][from] ?? [])].sort());
        // What is offered does not depend on the clock: only whether it is enabled does.
        const union = new Set([...(ALLOWED[role].before[from] ?? []), ...(ALLOWED[role].after[from] ?? [])]);
        expect(offered.map((o) => o.rule.to).sort()).toEqual([...union].sort());
        for (const o of offered.filter((o) => o.blockedReason !== null))
          expect(o.blockedReason).toMatch(/examination time/);
      },
    );
  });
});

describe("what a move requires", () => {
  it("refuses report_generated without a report document, for the specialist and the admin", () => {
    for (const actor of [ROLES.specialist, ROLES.admin]) {
      const verdict = evaluateTransition(actor, booking("generating_report"), "report_generated", {
        now: TIMING.after,
        reportCount: 0,
      });
      expect(verdict).toEqual({
        ok: false,
        code: "conflict",
        reason: expect.stringMatching(/report document is required/),
      });
    }
    const offered = offeredTransitions(ROLES.specialist, booking("generating_report"), {
      now: TIMING.after,
      reportCount: 0,
    });
    expect(offered.map((o) => [o.rule.to, o.blockedReason])).toEqual([
      ["report_generated", expect.stringMatching(/Upload the report/)],
    ]);
  });

  it("refuses a no-show before the appointment time and allows it from that minute on", () => {
    const at = (now: Date) =>
      evaluateTransition(ROLES.specialist, booking("scheduled"), "no_show", { now, reportCount: 0 });
    expect(at(TIMING.before)).toEqual({
      ok: false,
      code: "conflict",
      reason: expect.stringMatching(/only once the examination time has passed/),
    });
    expect(at(TIMING.after).ok).toBe(true);
  });

  it("refuses a cancellation after the appointment time, even for an admin", () => {
    const verdict = evaluateTransition(ROLES.admin, booking("scheduled"), "cancelled", {
      now: TIMING.after,
      reportCount: 0,
      note: "Too late",
    });
    expect(verdict).toEqual({
      ok: false,
      code: "conflict",
      reason: expect.stringMatching(/can no longer be done/),
    });
  });

  it("needs a note to cancel, and a blank note does not count", () => {
    expect(allowedNow(ROLES.referrer, "scheduled", "before", { note: null })).toEqual(["rescheduled"]);
    expect(allowedNow(ROLES.referrer, "scheduled", "before", { note: "   " })).toEqual(["rescheduled"]);
  });

  it("needs no note for the specialist's moves", () => {
    expect(allowedNow(ROLES.specialist, "scheduled", "after", { note: null })).toEqual([
      "no_show",
      "generating_report",
    ]);
  });

  it("refuses every regular move on a closed or archived booking and offers none", () => {
    for (const status of ["closed", "archived"] as const) {
      for (const actor of Object.values(ROLES)) {
        const closed = booking("report_generated", status);
        expect(
          evaluateTransition(actor, closed, "payment_received", { now: TIMING.after, reportCount: 1 }).ok,
        ).toBe(false);
        expect(offeredTransitions(actor, closed, { now: TIMING.after, reportCount: 1 })).toEqual([]);
      }
    }
  });

  it("gives an admin impersonating a specialist the specialist's moves, not an admin's", () => {
    const asSpecialist = { ...ROLES.specialist, impersonatorId: ROLES.admin.userId };
    expect(allowedNow(asSpecialist, "report_generated", "after")).toEqual([]);
    expect(allowedNow(asSpecialist, "scheduled", "after")).toEqual(["no_show", "generating_report"]);
  });

  it("explains a refused move in stage names people use", () => {
    const verdict = evaluateTransition(ROLES.admin, booking("scheduled"), "payment_received", {
      now: TIMING.after,
      reportCount: 1,
    });
    expect(verdict).toEqual({
      ok: false,
      code: "conflict",
      reason: expect.stringContaining('"Scheduled" cannot move to "Paid"'),
    });
  });
});

describe("admin corrections", () => {
  const correct = (
    actor: Actor,
    from: ProgressStage,
    to: ProgressStage,
    note: string | null = "Webhook was missed",
  ) =>
    evaluateTransition(actor, booking(from), to, {
      now: TIMING.before,
      reportCount: 0,
      note,
      asCorrection: true,
    });

  it.each(PROGRESS_STAGES)(
    "lets an admin move from %s to every other stage, marked as a correction",
    (from) => {
      for (const to of PROGRESS_STAGES.filter((s) => s !== from)) {
        expect(correct(ROLES.admin, from, to)).toEqual({ ok: true, rule: null, isCorrection: true });
      }
      expect(correct(ROLES.admin, from, from).ok).toBe(false);
      expect(correctionTargets(booking(from))).toEqual(PROGRESS_STAGES.filter((s) => s !== from));
    },
  );

  it("requires a note", () => {
    expect(correct(ROLES.admin, "no_show", "generating_report", null)).toEqual({
      ok: false,
      code: "invalid_input",
      reason: expect.stringMatching(/needs a note/),
    });
    expect(correct(ROLES.admin, "no_show", "generating_report", "  ").ok).toBe(false);
  });

  it("works on closed bookings too", () => {
    const verdict = evaluateTransition(
      ROLES.admin,
      booking("payment_received", "closed"),
      "report_generated",
      {
        now: TIMING.after,
        reportCount: 1,
        note: "Invoice was reversed",
        asCorrection: true,
      },
    );
    expect(verdict.ok).toBe(true);
  });

  it("is refused on an archived booking, saying it is archived, and none is offered", () => {
    const archived = booking("payment_received", "archived");
    const verdict = evaluateTransition(ROLES.admin, archived, "report_generated", {
      now: TIMING.after,
      reportCount: 1,
      note: "Invoice was reversed",
      asCorrection: true,
    });
    expect(verdict).toEqual({ ok: false, code: "conflict", reason: ARCHIVED_MESSAGE });
    expect(correctionTargets(archived)).toEqual([]);
  });

  it.each(["referrer", "specialist", "outsider"] as Role[])(
    "is refused to the %s, even for a stage they may otherwise set",
    (role) => {
      const target: ProgressStage = role === "specialist" ? "no_show" : "cancelled";
      expect(correct(ROLES[role], "generating_report", target).ok).toBe(false);
    },
  );

  it("is refused to an admin impersonating someone", () => {
    expect(
      correct({ ...ROLES.referrer, impersonatorId: ROLES.admin.userId }, "scheduled", "cancelled").ok,
    ).toBe(false);
  });
});
