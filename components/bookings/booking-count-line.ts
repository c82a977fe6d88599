import type { BookingPage } from "@/lib/bookings/list-booking-page";

/**
 * The line over the bookings table: "1,234 upcoming bookings", "1,000+ bookings" — or, for a search
 * matching more than the count cap, where each view's count is only what the capped pass saw
 * (count-bookings.ts), how many match in all and what would count them.
 */
export function bookingCountLine(
  page: Pick<BookingPage, "total" | "totalIsCapped" | "viewCounts" | "searchCountIsPartial">,
  /** "upcoming ", "past ", "cancelled " or "" (All). */
  viewNoun: string,
): string {
  if (page.searchCountIsPartial) {
    const all = page.viewCounts.all.total.toLocaleString("en-US");
    return `${all}+ bookings match the search; narrow it to count each view exactly`;
  }
  const noun = page.total === 1 && !page.totalIsCapped ? "booking" : "bookings";
  return `${page.total.toLocaleString("en-US")}${page.totalIsCapped ? "+" : ""} ${viewNoun}${noun}`;
}
