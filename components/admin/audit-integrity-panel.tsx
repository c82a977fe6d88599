/**
 * Admin → Audit trail: whether the trail still matches its seals — when it was last verified
 * (`npm run audit:verify` or the daily job) and with what result, and how far sealing has got.
 * A server component: the page loads the status and writes the times in the viewer's zone.
 */
export interface AuditIntegrityView {
  /** Null when no verification has run yet. */
  lastVerification: {
    when: string;
    ok: boolean;
    byCommand: boolean;
    rowsChecked: number;
    sealsChecked: number;
    problemCount: number;
    firstProblem: string | null;
  } | null;
  lastSealedWhen: string | null;
  awaitingSeal: number;
}

export function AuditIntegrityPanel({ status }: { status: AuditIntegrityView }) {
  const last = status.lastVerification;
  const sealing =
    status.lastSealedWhen === null
      ? "No rows sealed yet."
      : `Last seal ${status.lastSealedWhen}; ${status.awaitingSeal.toLocaleString("en-US")} row(s) awaiting their seal.`;
  if (!last) {
    return (
      <section
        aria-labelledby="audit-integrity-title"
        data-testid="audit-integrity"
        className="rounded-md border border-slate-300 bg-white p-3 text-sm"
      >
        <h2 id="audit-integrity-title" className="font-semibold">
          Integrity: not verified yet
        </h2>
        <p className="mt-1 text-slate-700">
          The daily verification has not run yet (or run <code>npm run audit:verify</code>). {sealing}
        </p>
      </section>
    );
  }
  const checked = `${last.rowsChecked.toLocaleString("en-US")} rows in ${last.sealsChecked.toLocaleString("en-US")} seals`;
  return (
    <section
      aria-labelledby="audit-integrity-title"
      data-testid="audit-integrity"
      className={
        last.ok
          ? "rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900"
          : "rounded-md border border-rose-400 bg-rose-50 p-3 text-sm text-rose-900"
      }
    >
      <h2 id="audit-integrity-title" className="font-semibold">
        {last.ok ? "Integrity: verified intact" : "Integrity: verification FAILED"}
      </h2>
      <p className="mt-1">
        Last verified {last.when} ({last.byCommand ? "audit:verify command" : "daily check"}): {checked}
        {last.ok
          ? " match their seals."
          : ` — ${last.problemCount.toLocaleString("en-US")} problem(s). The first: ${last.firstProblem ?? "unknown"}`}
      </p>
      {!last.ok && (
        <p className="mt-1">
          Someone with direct database access changed the trail. Run <code>npm run audit:verify</code> for the
          full list and find out who had that access.
        </p>
      )}
      <p className="mt-1">{sealing}</p>
    </section>
  );
}
