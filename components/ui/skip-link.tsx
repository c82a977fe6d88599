/**
 * "Skip to main content" (WCAG 2.4.1): the first thing Tab reaches, hidden until focused. The
 * target is `<main id="main" tabIndex={-1}>`, so focus (not only the scroll) moves there.
 */
export function SkipLink({ target = "main" }: { target?: string }) {
  return (
    <a
      href={`#${target}`}
      className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-indigo-800 underline shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to main content
    </a>
  );
}
