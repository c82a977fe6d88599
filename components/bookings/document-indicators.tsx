/**
 * Which of a booking's documents are there — brief, consent form, report — as a short list:
 * a shape (✓ or ○, drawn by the chip's ::before with empty alternative text, so screen readers
 * skip it) and the word, so neither colour nor the symbol alone carries it, and the state in
 * words for screen readers. No hooks: renders in the table and the phone cards alike.
 * A chip is a bare <li> with its state and a bare <span> with its words: the look (chip, shape,
 * visually hidden words) comes from .document-chips in globals.css. Three on each of a page's 25
 * rows, their test ids and classes were a fifth of the list's markup (issue 14). The items are
 * written as one string (the table's cells are strings: booking-cells-html.ts), here and there alike.
 */
export interface DocumentPresence {
  brief: boolean;
  consentForm: boolean;
  report: boolean;
}

const DOCUMENT_CHIPS = [
  { key: "brief", label: "Brief" },
  { key: "consentForm", label: "Consent" },
  { key: "report", label: "Report" },
] as const;

/** The chips' `<li>`s: fixed words and booleans only, nothing a person typed. */
export const documentChipItemsHtml = (documents: DocumentPresence) =>
  DOCUMENT_CHIPS.map(
    ({ key, label }) =>
      `<li data-present="${documents[key]}">${label}<span>${documents[key] ? ": uploaded" : ": not yet"}</span></li>`,
  ).join("");

export function DocumentIndicators({ documents }: { documents: DocumentPresence }) {
  return (
    <ul
      className="document-chips"
      aria-label="Documents"
      dangerouslySetInnerHTML={{ __html: documentChipItemsHtml(documents) }}
    />
  );
}
