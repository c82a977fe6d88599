import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/actions/result";

type FormAction = (form: FormData) => Promise<ActionResult<unknown>>;

/** Where an organization's invoices are e-mailed: its owners (always) and the addresses listed here. */
export function BillingContacts({
  organizationId,
  organizationName,
  owners,
  contacts,
  addAction,
  removeAction,
}: {
  organizationId: string;
  organizationName: string;
  owners: string[];
  contacts: { id: string; email: string; name: string | null }[];
  addAction: FormAction;
  removeAction: FormAction;
}) {
  return (
    <section className="flex flex-col gap-3" aria-labelledby={`billing-contacts-${organizationId}`}>
      <h2 id={`billing-contacts-${organizationId}`} className="text-lg font-semibold">
        Billing contacts of {organizationName}
      </h2>
      <p className="text-sm text-slate-600">
        Invoices and credit notes are e-mailed, with the PDF attached, to the organization&apos;s owners
        {owners.length > 0 ? ` (${owners.join(", ")})` : ""} and to these addresses.
      </p>
      {contacts.length > 0 ? (
        <ul className="flex flex-col gap-2 text-sm" data-testid="billing-contacts">
          {contacts.map((contact) => (
            <li key={contact.id} className="flex flex-wrap items-center gap-3">
              <span>
                {contact.name ? `${contact.name} — ` : ""}
                {contact.email}
              </span>
              <ActionForm
                action={removeAction}
                submitLabel={`Remove ${contact.email}`}
                pendingLabel="Removing…"
                variant="secondary"
              >
                <input type="hidden" name="organizationId" value={organizationId} />
                <input type="hidden" name="contactId" value={contact.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No further addresses.</p>
      )}
      <ActionForm action={addAction} submitLabel="Add billing contact" successText="Added.">
        <input type="hidden" name="organizationId" value={organizationId} />
        <FormField
          label="E-mail address"
          name="email"
          id={`billing-contact-email-${organizationId}`}
          size="compact"
        >
          <input name="email" type="email" required autoComplete="off" className={compactControlClass} />
        </FormField>
        <FormField
          label="Name (optional)"
          name="name"
          id={`billing-contact-name-${organizationId}`}
          size="compact"
        >
          <input name="name" autoComplete="off" className={compactControlClass} />
        </FormField>
      </ActionForm>
    </section>
  );
}
