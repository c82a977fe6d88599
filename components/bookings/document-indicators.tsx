/**
 * Which of a booking's documents are there — brief, consent form, report — as a short list:
 * a shape (✓ or ○, drawn by .document-chip's ::before with empty alternative text, so screen
 * readers skip it) and the word, so neither colour nor the symbol alone carries it, and the
 * state in words for screen readers. No hooks: renders in the table and the phone cards alike.
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
    <ul className="document-chips" aria-label="Documents" data-testid="document-indicators">
      {ITEMS.map(({ key, label }) => {
        const present = documents[key];
        return (
          // .document-chip (globals.css): one short class on each of a page's many chips.
          <li
            key={key}
            data-testid={`document-indicator-${key}`}
            data-present={present}
            className="document-chip"
          >
            {label}
            <span className="sr-only">{present ? ": uploaded" : ": not yet"}</span>
          </li>
        );
      })}
    </ul>
  );
}
