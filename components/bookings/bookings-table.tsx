/**
 * The one bookings table (/bookings and Admin → Bookings): the model is worked out here, on the
 * server (bookings-table-model.ts, @tanstack/table-core), and the browser renders the rows from
 * data (bookings-table-view.tsx). See ARCHITECTURE.md, "One bookings table".
 */
import type { PaginationState, SortingState } from "@tanstack/table-core";
import type { ReactNode } from "react";
import { requestLooksLikePhone } from "@/lib/device/phone-request";
import type { BookingTableRow } from "./booking-table-row";
import { packBookingRows } from "./booking-row-tuples";
import { bookingsTableModel } from "./bookings-table-model";
import { BookingsTableView } from "./bookings-table-view";

export type { BookingTableRow } from "./booking-table-row";

interface Props {
  rows: BookingTableRow[];
  sorting: SortingState;
  pagination: PaginationState;
  rowCount: number;
  /** The count stops at a cap; then "next" follows hasNextPage. */
  rowCountIsCapped: boolean;
  hasNextPage: boolean;
  /** Admin → Bookings: a checkbox per booking (read by the bulk bar via `data-booking-select`). */
  selectable?: boolean;
  /** Admin → Bookings: the Status column. */
  showStatus?: boolean;
  /** Admin → Bookings: tools per booking id (rendered on the server), in a last column / the card's foot. */
  tools?: Record<string, ReactNode>;
  /** The cards' own copy of `tools`, when the tools carry ids (the layout can switch in the browser). */
  cardTools?: Record<string, ReactNode>;
  /** The id of the element holding the rows (the bulk bar looks for checkboxes inside it). */
  id?: string;
}

export async function BookingsTable({ selectable = false, showStatus = false, ...props }: Props) {
  const { headers, pager } = bookingsTableModel({
    sorting: props.sorting,
    pagination: props.pagination,
    rowCount: props.rowCount,
    selectable,
    showStatus,
    withTools: Boolean(props.tools),
  });
  return (
    <BookingsTableView
      packedRows={packBookingRows(props.rows)}
      headers={headers}
      pager={pager}
      pageIndex={props.pagination.pageIndex}
      pageSize={props.pagination.pageSize}
      rowCount={props.rowCount}
      rowCountIsCapped={props.rowCountIsCapped}
      hasNextPage={props.hasNextPage}
      selectable={selectable}
      showStatus={showStatus}
      tools={props.tools}
      cardTools={props.cardTools}
      id={props.id}
      phoneGuess={await requestLooksLikePhone()}
    />
  );
}
