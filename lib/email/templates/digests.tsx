/** The daily digests: a specialist's reports owed, and what needs an admin. Bookings by reference only. */
import { Section, Text } from "@react-email/components";
import { EmailLayout, type TemplateCommon } from "./layout";
import { CallToAction, ExternalLink, Paragraph } from "./parts";
import { COLORS } from "./styles";

export interface OwedReportRow {
  bookingId: string;
  bookingUrl: string;
  /** The examination on the specialist's clock. */
  examined: string;
  /** "Dec 14, 2026", or null. */
  due: string | null;
  overdue: boolean;
}

const rowStyle = {
  borderBottom: `1px solid ${COLORS.border}`,
  padding: "10px 0",
} as const;

export function ReportsOwedDigestEmail({
  common,
  rows,
  totalLabel,
  overdue,
  more,
  homeUrl,
}: {
  common: TemplateCommon;
  rows: OwedReportRow[];
  /** How many are owed in all ("1,000+" past the count's cap). */
  totalLabel: string;
  /** How many of them are overdue, or null for none. */
  overdue: string | null;
  /** How many are not listed here, or null when all are. */
  more: string | null;
  homeUrl: string;
}) {
  return (
    <EmailLayout
      common={common}
      preview={overdue ? `${overdue} overdue` : `${totalLabel} to write`}
      heading={`Reports owed: ${totalLabel}`}
    >
      <Paragraph>
        {totalLabel === "1" ? "One examination is" : `${totalLabel} examinations are`} waiting for your report
        {overdue ? `, ${overdue} of them past the due date` : ""}. Overdue first, then by due date.
      </Paragraph>
      {rows.map((row) => (
        <Section key={row.bookingId} style={rowStyle}>
          <Text style={{ color: COLORS.text, fontSize: "15px", lineHeight: "22px", margin: 0 }}>
            <ExternalLink href={row.bookingUrl}>Booking {row.bookingId}</ExternalLink>
            {row.overdue ? <span style={{ color: COLORS.alert, fontWeight: 600 }}> — overdue</span> : null}
          </Text>
          <Text style={{ color: COLORS.muted, fontSize: "13px", lineHeight: "20px", margin: "2px 0 0" }}>
            Examined {row.examined}
            {row.due ? ` · due ${row.due}` : ""}
          </Text>
        </Section>
      ))}
      {more && <Paragraph>And {more} more, all on your home page.</Paragraph>}
      <CallToAction href={homeUrl}>Open your reports owed</CallToAction>
    </EmailLayout>
  );
}

export interface AttentionRow {
  summary: string;
  reason: string;
  at: string;
  bookingUrl: string | null;
  bookingId: string | null;
}

export function AttentionDigestEmail({
  common,
  rows,
  total,
  adminUrl,
}: {
  common: TemplateCommon;
  rows: AttentionRow[];
  /** All of the day's, when more than the rows listed. */
  total: number;
  adminUrl: string;
}) {
  return (
    <EmailLayout
      common={common}
      preview={rows[0]?.summary ?? "Nothing new"}
      heading={total === 1 ? "One thing needs a person" : `${total} things need a person`}
    >
      <Paragraph>
        In the last day the portal met {total === 1 ? "a problem" : "these problems"} it could not solve on
        its own
        {total > rows.length
          ? ` (the latest ${rows.length} are listed; your notifications in the portal hold all ${total})`
          : ""}
        .
      </Paragraph>
      {rows.map((row, index) => (
        <Section key={index} style={rowStyle}>
          <Text style={{ color: COLORS.text, fontSize: "15px", lineHeight: "22px", margin: 0 }}>
            {row.summary}
          </Text>
          <Text style={{ color: COLORS.muted, fontSize: "13px", lineHeight: "20px", margin: "2px 0 0" }}>
            {row.at} · {row.reason}
            {row.bookingUrl ? (
              <>
                {" · "}
                <ExternalLink href={row.bookingUrl}>booking {row.bookingId}</ExternalLink>
              </>
            ) : null}
          </Text>
        </Section>
      ))}
      <CallToAction href={adminUrl}>Open the admin console</CallToAction>
    </EmailLayout>
  );
}
