import { config } from "@/lib/config";

export interface BillingSettings {
  provider: { name: string; lines: string[] };
  timeZone: string;
  paymentDays: number;
}

/** The provider on the PDFs, the zone of periods and dates, and the payment terms. */
export function billingSettings(): BillingSettings {
  const values = config();
  return {
    provider: {
      name: values.BILLING_PROVIDER_NAME,
      lines: (values.BILLING_PROVIDER_DETAILS ?? "")
        .split(";")
        .map((line) => line.trim())
        .filter(Boolean),
    },
    timeZone: values.BILLING_TIME_ZONE,
    paymentDays: values.INVOICE_PAYMENT_DAYS,
  };
}
