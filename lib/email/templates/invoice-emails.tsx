/** An issued invoice or credit note, its PDF attached: to an organization's owners and billing contacts. */
import type { InvoiceEmailPayload } from "../email-payloads";
import { EmailLayout, type TemplateCommon } from "./layout";
import { CallToAction, FactList, Paragraph, SmallPrint, type Fact } from "./parts";

export function InvoiceIssuedEmail({
  common,
  payload,
  creditNote,
  invoiceUrl,
}: {
  common: TemplateCommon;
  payload: InvoiceEmailPayload;
  creditNote: boolean;
  /** The organization's invoice page (opens for its owners and admins). */
  invoiceUrl: string;
}) {
  const what = creditNote ? "Credit note" : "Invoice";
  const facts: Fact[] = [
    { label: what, value: payload.number },
    { label: "Billed to", value: payload.organizationName },
    { label: creditNote ? "Credited" : "Total", value: payload.total },
  ];
  if (creditNote && payload.creditsNumber)
    facts.push({ label: "Credits invoice", value: payload.creditsNumber });
  if (payload.period) facts.push({ label: "Period", value: payload.period });
  if (payload.dueDate) facts.push({ label: "Due", value: payload.dueDate });
  return (
    <EmailLayout
      common={common}
      preview={`${what} ${payload.number} from ${payload.providerName}: ${payload.total}`}
      heading={`${what} ${payload.number}`}
    >
      <Paragraph>
        {creditNote
          ? `${payload.providerName} credited invoice ${payload.creditsNumber ?? ""} of ${payload.organizationName}. The credit note is attached as a PDF.`
          : `${payload.providerName} issued an invoice to ${payload.organizationName}. It is attached as a PDF.`}
      </Paragraph>
      <FactList facts={facts} />
      <CallToAction
        href={invoiceUrl}
      >{`See ${creditNote ? "the invoice" : "it"} in the portal`}</CallToAction>
      <SmallPrint>The portal page opens for the organization&apos;s owners and admins.</SmallPrint>
    </EmailLayout>
  );
}
