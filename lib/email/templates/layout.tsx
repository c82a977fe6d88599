/**
 * The one layout of every portal e-mail: the portal's name on an indigo-700 band, a single
 * column at most 600 px wide (phones show it at their width), and a footer that says why the
 * recipient got it and — for people with an account — where to change their e-mail choices.
 * Inline styles only: mail clients drop stylesheets.
 */
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { COLORS, FONT_STACK } from "./styles";

export const PORTAL_NAME = "IME Portal";

export interface EmailFooter {
  /** Why this address got this e-mail, in one sentence. */
  reason: string;
  /** The notification preferences page, for kinds a recipient with an account can switch off. */
  preferencesUrl?: string | null;
  /** Said instead of the preferences link for kinds that cannot be switched off. */
  note?: string | null;
}

/** What every template receives besides its own facts. */
export interface TemplateCommon {
  baseUrl: string;
  footer: EmailFooter;
  /** "Hello Jo Solicitor," for a recipient the booking names. */
  greeting?: string | null;
  /** Said below the message to a reader the booking page will not open for. */
  accessNote?: string | null;
}

export function EmailLayout(props: {
  common: TemplateCommon;
  /** The line inboxes show beside the subject. */
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  const { baseUrl, footer, greeting, accessNote } = props.common;
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: COLORS.page, margin: 0, padding: "16px 8px", fontFamily: FONT_STACK }}>
        <Container style={{ maxWidth: "600px", width: "100%", margin: "0 auto" }}>
          <Section
            style={{ backgroundColor: COLORS.brand, borderRadius: "8px 8px 0 0", padding: "14px 20px" }}
          >
            <Link
              href={baseUrl}
              style={{ color: "#ffffff", fontSize: "18px", fontWeight: 600, textDecoration: "none" }}
            >
              {PORTAL_NAME}
            </Link>
          </Section>
          <Section
            style={{
              backgroundColor: "#ffffff",
              border: `1px solid ${COLORS.border}`,
              borderTop: "none",
              borderRadius: "0 0 8px 8px",
              padding: "8px 20px 20px",
            }}
          >
            <Heading
              as="h1"
              style={{ color: COLORS.text, fontSize: "20px", lineHeight: "28px", margin: "16px 0 8px" }}
            >
              {props.heading}
            </Heading>
            {greeting ? (
              <Text style={{ color: COLORS.text, fontSize: "15px", lineHeight: "24px", margin: "8px 0" }}>
                {greeting}
              </Text>
            ) : null}
            {props.children}
            {accessNote ? (
              <Text style={{ color: COLORS.muted, fontSize: "13px", lineHeight: "20px", margin: "12px 0 0" }}>
                {accessNote}
              </Text>
            ) : null}
          </Section>
          <Hr style={{ borderColor: "transparent", margin: "8px 0" }} />
          <Text style={{ color: COLORS.muted, fontSize: "13px", lineHeight: "20px", margin: "0 8px" }}>
            {footer.reason}
          </Text>
          {footer.preferencesUrl ? (
            <Text style={{ color: COLORS.muted, fontSize: "13px", lineHeight: "20px", margin: "4px 8px 0" }}>
              Choose which e-mails you get:{" "}
              <Link href={footer.preferencesUrl} style={{ color: COLORS.brand }}>
                notification preferences
              </Link>
              .
            </Text>
          ) : null}
          {footer.note ? (
            <Text style={{ color: COLORS.muted, fontSize: "13px", lineHeight: "20px", margin: "4px 8px 0" }}>
              {footer.note}
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
