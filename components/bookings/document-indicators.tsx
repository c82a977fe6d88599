/**
 * Which of a booking's documents are there — brief, consent form, report — as a short list:
 * a shape (✓ or ○, drawn by the chip's ::before with empty alternative text, so screen readers
 * skip it) and the word, so neither colour nor the symbol alone carries it, and the state in
 * words for screen readers. No hooks: renders in the table and the phone cards alike.
 * A chip is a bare <li> with its state and a bare <span> with its words: the look (chip, shape,
 * visually hidden words) comes from .document-chips in globals.css. Three on each of a page's 25
 * rows, their test ids and classes were a fifth of the list's markup (issue 14).
 */
export interface DocumentPresence {
  brief: boolean;
  consentForm: boolean;
  report: boolean;
}

const ITEMS = [
  { key: "brief", label: "Brief" },
  { key: "consentForm", label: "Consent" },
  { key: "report", label: "Report" },
] as const;

export function DocumentIndicators({ documents }: { documents: DocumentPresence }) {
  return (
    <ul className="document-chips" aria-label="Documents">
      {ITEMS.map(({ key, label }) => {
        const present = documents[key];
        return (
          <li key={key} data-present={present}>
            {label}
            <span>{present ? ": uploaded" : ": not yet"}</span>
          </li>
        );
      })}
    </ul>
  );
}
