/**
 * The mark of a list's link to a booking: a plain `<a href {...ROW_LINK}>`, which the list's
 * container navigates in the app (row-links.ts: the bookings table, a home's RowLinksArea). Not a
 * client module, so server components (the homes) and client ones (the table) spread the same one.
 */
export const ROW_LINK = { "data-row-link": "" } as const;

export const ROW_LINK_SELECTOR = "a[data-row-link]";
