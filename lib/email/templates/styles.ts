/** The portal's colors as hex (Tailwind v4's are oklch, which mail clients do not read). */
export const COLORS = {
  /** indigo-700: the header band, buttons and links, as in the portal. */
  brand: "#4338ca",
  /** slate-900 */
  text: "#0f172a",
  /** slate-600: the smallest text still reads at AA contrast on white and on the page. */
  muted: "#475569",
  /** slate-100 */
  page: "#f1f5f9",
  /** slate-200 */
  border: "#e2e8f0",
  /** rose-800 on rose-50: overdue, cancelled */
  alert: "#9f1239",
  alertBackground: "#fff1f2",
} as const;

export const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
