import type { AuditLogRow } from "@/lib/audit-trail/list-audit-logs";
import { timestampLabel } from "@/lib/time/two-clocks";

/**
 * An audit row with its time already written, in the viewer's zone with the zone named
 * (ARCHITECTURE.md, "Time display rule"). Written on the server: the browser's Intl data may
 * word a zone differently, and the hydrated table must say what the server said.
 */
export type AuditTableRow = AuditLogRow & { when: string };

export const withWhen = (rows: AuditLogRow[], viewerZone: string | null): AuditTableRow[] =>
  rows.map((row) => ({ ...row, when: timestampLabel(new Date(row.timestamp), viewerZone) }));
