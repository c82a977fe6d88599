import type { BookingStatus } from "@/db/schema/enums";

/** A booking's status as people read it: in the table, the status filter and admin messages. */
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  active: "Active",
  closed: "Closed",
  archived: "Archived",
};
