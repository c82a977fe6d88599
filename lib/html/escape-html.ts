/**
 * Text made safe to write into HTML — as an element's content or inside a double-quoted
 * attribute — for the few places that write markup as a string instead of through React (the
 * bookings table's rows: booking-cells-html.ts). The five characters that can end a text or an
 * attribute, or start a tag or an entity, become entities; nothing else changes.
 */
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};

const ANY_SPECIAL = /[&<>"']/;
const EVERY_SPECIAL = /[&<>"']/g;

export const escapeHtml = (text: string) =>
  // Most names and dates hold none of them: no replace (and no new string) for those.
  ANY_SPECIAL.test(text) ? text.replace(EVERY_SPECIAL, (c) => ENTITIES[c]!) : text;

/** An http(s) address for an href; anything else (javascript:, data:) is not a link. */
export const isWebAddress = (value: string) => /^https?:\/\//i.test(value);
