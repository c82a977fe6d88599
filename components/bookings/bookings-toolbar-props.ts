/**
 * The bookings toolbar's current values and choices, for /bookings and Admin → Bookings alike
 * (the one bookings list): the filters as the URL holds them, and each filter's options.
 */
import { BOOKING_STATUSES, PROGRESS_STAGES } from "@/db/schema/enums";
import type { bookingFilterOptions } from "@/lib/bookings/booking-filter-options";
import type { BookingListState } from "@/lib/bookings/booking-list-params";
import { NO_TEAM } from "@/lib/bookings/booking-list-query";
import { BOOKING_STATUS_LABELS } from "@/lib/bookings/status-labels";
import type { FilterOption } from "./bookings-toolbar";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";

type FilterChoices = Awaited<ReturnType<typeof bookingFilterOptions>>;

/** The toolbar's value per filter ("" for none); `organization` only where it is offered. */
export function toolbarFilterValues(
  filters: BookingListState["filters"],
  { withOrganization = false } = {},
): Record<string, string> {
  return {
    ...(withOrganization ? { organization: filters.organizationId ?? "" } : {}),
    status: filters.status?.join(",") ?? "",
    progress: filters.progress?.join(",") ?? "",
    specialist: filters.specialistId ?? "",
    team: filters.teamId ?? "",
    type: filters.appointmentType ?? "",
    source: filters.source ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
  };
}

/**
 * Each filter's choices. Teams carry their organization's name when there are organizations to
 * tell apart (Admin → Bookings) or more teams than one glance takes in.
 */
export function toolbarFilterOptions(choices: FilterChoices, organizations?: { id: string; name: string }[]) {
  const nameOrganization = Boolean(organizations) || choices.teams.length > 4;
  return {
    ...(organizations ? { organization: organizations.map((o) => ({ value: o.id, label: o.name })) } : {}),
    progress: PROGRESS_STAGES.map((p) => ({ value: p, label: STAGE_NAMES[p] })),
    status: BOOKING_STATUSES.map((s) => ({ value: s, label: BOOKING_STATUS_LABELS[s] })),
    specialist: choices.specialists.map((s) => ({ value: s.id, label: s.name })),
    team: [
      { value: NO_TEAM, label: "No team" },
      ...choices.teams.map((t) => ({
        value: t.id,
        label: nameOrganization ? `${t.organizationName} — ${t.name}` : t.name,
      })),
    ],
    type: [
      { value: "in_person", label: "In person" },
      { value: "telehealth", label: "Telehealth" },
    ],
    source: [
      { value: "portal", label: "Booked in the portal" },
      { value: "acuity_direct", label: "Made in Acuity" },
    ],
  } satisfies Record<string, FilterOption[]>;
}
