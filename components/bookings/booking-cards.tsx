"use client";
/**
 * The bookings list on a phone (< 640 px): one card per booking — examinee, when, specialist,
 * progress and documents in view without scrolling sideways (booking-card-html.ts writes each).
 * Same rows, same pager as the table; Admin → Bookings adds its tools (React's) under a card.
 */
import type { ReactNode } from "react";
import { bookingCardHtml } from "./booking-card-html";
import type { BookingTableRow } from "./booking-table-row";

const CARD_CLASSES = "rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm";

export function BookingCards({
  rows,
  selectable,
  showStatus,
  tools,
  pending,
}: {
  rows: BookingTableRow[];
  selectable: boolean;
  showStatus: boolean;
  tools?: Record<string, ReactNode>;
  pending: boolean;
}) {
  return (
    <ul
      className={`space-y-3 transition-opacity ${pending ? "opacity-60" : ""}`}
      aria-busy={pending}
      aria-label="Bookings"
      data-testid="booking-cards"
    >
      {rows.map((row) => {
        const card = { __html: bookingCardHtml(row, { selectable, showStatus }) };
        const rowTools = tools?.[row.id];
        return rowTools ? (
          <li key={row.id} data-testid="booking-card" className={CARD_CLASSES}>
            <div dangerouslySetInnerHTML={card} />
            <div className="mt-2 border-t border-slate-100 pt-2">{rowTools}</div>
          </li>
        ) : (
          <li
            key={row.id}
            data-testid="booking-card"
            className={CARD_CLASSES}
            dangerouslySetInnerHTML={card}
          />
        );
      })}
    </ul>
  );
}
