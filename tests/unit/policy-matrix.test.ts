import { describe, expect, it } from "vitest";
import {
  DOCUMENT_CATEGORIES,
  PROGRESS_STAGES,
  type DocumentCategory,
  type ProgressStage,
} from "@/db/schema/enums";
import {
  canBookForAnyOrganization,
  canChangeSomeProgress,
  canCorrectProgress,
  canCreateBooking,
  canDownloadDocument,
  canManageBookingStatus,
  canMoveBooking,
  canRescheduleOrCancel,
  canSetProgress,
  canUploadDocument,
  canViewBooking,
  hasSpecialistWorkspace,
} from "@/lib/authz/policy";
import {
  ACTOR_KEYS,
  BOOKING_KEYS,
  buildActors,
  buildBookings,
  CREATE_TARGETS,
  MAY_CREATE,
  RESCHEDULE_OR_CANCEL,
  VISIBLE,
  type ActorKey,
  type BookingKey,
} from "../support/authz-fixture";

const id = (key: string) => key;
const actors = buildActors(id);
const bookings = buildBookings(id);
const specialistOwnBookings: BookingKey[] = ["aTeam2", "bTeam1"];

/** Stages each kind of actor may set, written out from PRODUCT.md's access rules. */
function expectedStages(actor: ActorKey, booking: BookingKey): ProgressStage[] {
  if (actor === "platformAdmin") return [...PROGRESS_STAGES];
  if (actor === "specialistS1") {
    return specialistOwnBookings.includes(booking)
      ? ["no_show", "generating_report", "report_generated"]
      : [];
  }
  return VISIBLE[actor][booking] ? ["rescheduled", "cancelled"] : [];
}

function expectedUploads(actor: ActorKey, booking: BookingKey): DocumentCategory[] {
  if (actor === "platformAdmin") return [...DOCUMENT_CATEGORIES];
  if (actor === "specialistS1")
    return specialistOwnBookings.includes(booking) ? ["report", "dictation", "other"] : [];
  return VISIBLE[actor][booking] ? ["consent_form", "brief", "other"] : [];
}

function expectedDownloads(actor: ActorKey, booking: BookingKey): DocumentCategory[] {
  if (actor === "platformAdmin") return [...DOCUMENT_CATEGORIES];
  if (actor === "specialistS1")
    return specialistOwnBookings.includes(booking) ? [...DOCUMENT_CATEGORIES] : [];
  return VISIBLE[actor][booking] ? ["consent_form", "brief", "report", "other"] : [];
}

/** Booking-independent gates.  change some progress, correct a stage, specialist workspace */
const GATES: Record<ActorKey, [boolean, boolean, boolean]> = {
  platformAdmin: [true, true, false],
  specialistS1: [true, false, true],
  ownerA: [true, false, false],
  adminA: [true, false, false],
  memberA1: [true, false, false],
  memberNoTeamA: [true, false, false],
  memberB1: [true, false, false],
  outsider: [false, false, false],
};

describe.each(ACTOR_KEYS)("policy for %s", (actorKey) => {
  const actor = actors[actorKey];

  it.each(BOOKING_KEYS)("sees booking %s exactly as the matrix says", (bookingKey) => {
    expect(canViewBooking(actor, bookings[bookingKey])).toBe(VISIBLE[actorKey][bookingKey]);
  });

  it.each(BOOKING_KEYS)("may reschedule or cancel booking %s exactly as the matrix says", (bookingKey) => {
    expect(canRescheduleOrCancel(actor, bookings[bookingKey])).toBe(
      RESCHEDULE_OR_CANCEL[actorKey][bookingKey],
    );
  });

  it.each(BOOKING_KEYS)("may set exactly the allowed progress stages on booking %s", (bookingKey) => {
    const allowed = PROGRESS_STAGES.filter((stage) => canSetProgress(actor, bookings[bookingKey], stage));
    expect(allowed).toEqual(expectedStages(actorKey, bookingKey));
  });

  it.each(BOOKING_KEYS)("may upload exactly the allowed categories to booking %s", (bookingKey) => {
    const allowed = DOCUMENT_CATEGORIES.filter((c) => canUploadDocument(actor, bookings[bookingKey], c));
    expect(allowed).toEqual(expectedUploads(actorKey, bookingKey));
  });

  it.each(BOOKING_KEYS)("may download exactly the allowed categories of booking %s", (bookingKey) => {
    const allowed = DOCUMENT_CATEGORIES.filter((c) => canDownloadDocument(actor, bookings[bookingKey], c));
    expect(allowed).toEqual(expectedDownloads(actorKey, bookingKey));
  });

  it.each(Object.keys(CREATE_TARGETS) as (keyof typeof CREATE_TARGETS)[])(
    "may create a booking for %s exactly as the matrix says",
    (targetKey) => {
      const target = CREATE_TARGETS[targetKey];
      const team = target.team
        ? { id: target.team, organizationId: target.team.startsWith("A") ? "A" : "B" }
        : null;
      expect(canCreateBooking(actor, { organizationId: target.org, team })).toBe(
        MAY_CREATE[actorKey][targetKey],
      );
    },
  );

  it("passes the progress, correction and specialist-workspace gates exactly as GATES says", () => {
    expect([canChangeSomeProgress(actor), canCorrectProgress(actor), hasSpecialistWorkspace(actor)]).toEqual(
      GATES[actorKey],
    );
  });

  it("is offered booking exactly when the create matrix allows some organization and team", () => {
    const mayCreateSomewhere = Object.values(MAY_CREATE[actorKey]).some(Boolean);
    expect(canBookForAnyOrganization(actor)).toBe(mayCreateSomewhere);
  });

  it("may mark payment, close and archive only as a platform admin", () => {
    expect(canManageBookingStatus(actor)).toBe(actorKey === "platformAdmin");
  });
});

describe("stage rules that do not depend on the booking", () => {
  it("keeps payment_received for admins even for a referrer who owns the organization", () => {
    expect(canSetProgress(actors.ownerA, bookings.aNoTeam, "payment_received")).toBe(false);
    expect(canSetProgress(actors.platformAdmin, bookings.aNoTeam, "payment_received")).toBe(true);
  });

  it("gives an impersonating admin the impersonated user's rights, not their own", () => {
    const asMember = { ...actors.memberA1, impersonatorId: "platformAdmin" };
    expect(canViewBooking(asMember, bookings.aTeam2)).toBe(false);
    expect(canViewBooking(asMember, bookings.aTeam1)).toBe(true);
    expect(canCorrectProgress({ ...actors.memberA1, impersonatorId: "platformAdmin" })).toBe(false);
  });
});

describe.each(ACTOR_KEYS)("an archived booking for %s", (actorKey) => {
  const actor = actors[actorKey];
  const archived = (key: BookingKey) => ({ ...bookings[key], status: "archived" as const });

  it.each(BOOKING_KEYS)(
    "%s stays visible and downloadable as before, and nothing may change it",
    (bookingKey) => {
      const booking = archived(bookingKey);
      expect(canViewBooking(actor, booking)).toBe(VISIBLE[actorKey][bookingKey]);
      expect(DOCUMENT_CATEGORIES.filter((c) => canDownloadDocument(actor, booking, c))).toEqual(
        expectedDownloads(actorKey, bookingKey),
      );
      expect(DOCUMENT_CATEGORIES.filter((c) => canUploadDocument(actor, booking, c))).toEqual([]);
      expect(PROGRESS_STAGES.filter((stage) => canSetProgress(actor, booking, stage))).toEqual([]);
      expect(canRescheduleOrCancel(actor, booking)).toBe(false);
      expect(canMoveBooking(actor, booking)).toBe(false);
    },
  );

  it("may move a booking that is not archived only as a platform admin", () => {
    expect(canMoveBooking(actor, { status: "closed" })).toBe(actorKey === "platformAdmin");
  });
});
