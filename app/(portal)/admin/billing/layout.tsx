import { BillingNav } from "@/components/billing/billing-nav";

/** Billing's sub-navigation under the admin console's (the admin layout has already checked the actor). */
export default function BillingLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <BillingNav />
      {children}
    </>
  );
}
