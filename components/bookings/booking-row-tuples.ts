/**
 * A page of bookings as the browser receives it: each row a tuple of its values in FIELDS' order,
 * not an object. As objects, every row of a page repeated every key's name — about half of a
 * row's 525 bytes — in the page's payload, which travels once more inside the HTML (escaped, for
 * the browser to pick up): 78.6 → 70.0 KB a page of 25 (issue 14; the server's CPU a page ≈ 1 ms
 * less by paired timing, within what the benchmark host can resolve).
 * The server packs (bookings-table.tsx), the browser unpacks once per page (bookings-table-view.tsx).
 */
import type { BookingTableRow } from "./booking-table-row";

const FIELDS = [
  "id",
  "examineeName",
  "phone",
  "when",
  "whenViewer",
  "specialistName",
  "organizationName",
  "teamName",
  "inTriage",
  "appointmentType",
  "meetingLink",
  "stage",
  "statusLabel",
  "created",
  "claimNumber",
  "caseManagerReference",
  "documents",
  "report",
] as const satisfies readonly (keyof BookingTableRow)[];

type Field = (typeof FIELDS)[number];
// A field added to BookingTableRow and not to FIELDS would not reach the browser: this stops the build.
type Missing = Exclude<keyof BookingTableRow, Field>;
const everyFieldListed: [Missing] extends [never] ? true : { missing: Missing } = true;
void everyFieldListed;

/** A row's values, in FIELDS' order. */
export type BookingRowTuple = {
  -readonly [I in keyof typeof FIELDS]: (typeof FIELDS)[I] extends Field
    ? BookingTableRow[(typeof FIELDS)[I]]
    : never;
};

export const packBookingRows = (rows: BookingTableRow[]): BookingRowTuple[] =>
  rows.map((row) => FIELDS.map((field) => row[field]) as unknown as BookingRowTuple);

export function unpackBookingRows(tuples: BookingRowTuple[]): BookingTableRow[] {
  return tuples.map((tuple) => {
    const row: Record<string, unknown> = {};
    FIELDS.forEach((field, index) => {
      row[field] = tuple[index];
    });
    return row as unknown as BookingTableRow;
  });
}
