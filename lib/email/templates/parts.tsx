/** Small pieces the templates share; each reads well in HTML and in the plain-text twin. */
import { Button, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { COLORS } from "./styles";

export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text style={{ color: COLORS.text, fontSize: "15px", lineHeight: "24px", margin: "8px 0" }}>
      {children}
    </Text>
  );
}

export function SmallPrint({ children }: { children: ReactNode }) {
  return (
    <Text style={{ color: COLORS.muted, fontSize: "13px", lineHeight: "20px", margin: "8px 0" }}>
      {children}
    </Text>
  );
}

/**
 * The one action of the e-mail, as a button; the address is written out below it too, for
 * clients that block buttons (the text twin prints it once, beside the button's words).
 */
export function CallToAction({ href, children }: { href: string; children: string }) {
  return (
    <Section style={{ margin: "20px 0 8px" }}>
      <Button
        href={href}
        style={{
          backgroundColor: COLORS.brand,
          borderRadius: "6px",
          color: "#ffffff",
          fontSize: "15px",
          fontWeight: 600,
          padding: "12px 18px",
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
      <Text
        data-skip-in-text="true"
        style={{
          color: COLORS.muted,
          fontSize: "13px",
          lineHeight: "20px",
          margin: "10px 0 0",
          wordBreak: "break-all",
        }}
      >
        Or open{" "}
        <Link href={href} style={{ color: COLORS.brand }}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label and value, one per line: stays readable at phone width and in plain text. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <Section
      style={{
        backgroundColor: COLORS.page,
        borderRadius: "6px",
        margin: "12px 0",
        padding: "4px 14px",
      }}
    >
      {facts.map((fact) => (
        <Text
          key={fact.label}
          style={{ color: COLORS.text, fontSize: "15px", lineHeight: "22px", margin: "8px 0" }}
        >
          <span style={{ color: COLORS.muted, fontSize: "13px" }}>{fact.label}:</span> {fact.value}
        </Text>
      ))}
    </Section>
  );
}

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={{ color: COLORS.brand, wordBreak: "break-all" }}>
      {children}
    </Link>
  );
}
