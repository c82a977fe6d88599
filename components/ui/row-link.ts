/**
 * The mark of a list's link to a booking: a plain `<a href {...ROW_LINK}>`, which the portal's
 * <main> navigates in the app (row-links.ts). Not a client module, so server components (the
 * homes) and client ones (the bookings table) spread the same attribute.
 */
export const ROW_LINK = { "data-row-link": "" } as const;

export const ROW_LINK_SELECTOR = "a[data-row-link]";
