import type { Metadata } from "next";
import { Timestamp } from "@/components/ui/timestamp";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { config } from "@/lib/config";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { listOutboxEmails } from "@/lib/email/list-outbox";

export const metadata: Metadata = { title: "Outbox" };

export default async function AdminOutboxPage() {
  await requireAdminConsole();
  const emails = await listOutboxEmails(getDb());
  const smtp = Boolean(config().SMTP_URL);
  const viewerZone = await viewerTimeZone();
  return (
    <section>
      <h1 className="text-2xl font-semibold">Outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        {smtp
          ? "E-mails the portal sent over SMTP, with their delivery state."
          : "SMTP is not configured (SMTP_URL): e-mails stay here and nothing leaves the machine."}
      </p>
      {emails.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          No e-mails yet.
        </p>
      ) : (
        <ul className="mt-6 flex flex-col gap-3">
          {emails.map((email) => (
            <li
              key={email.id}
              data-testid="outbox-email"
              className="rounded-lg border border-slate-200 bg-white p-4"
            >
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <strong>{email.subject}</strong>
                <span className="text-slate-600">to {email.toAddress}</span>
                {email.createdAt && (
                  <Timestamp
                    instant={email.createdAt}
                    viewerZone={viewerZone}
                    className="text-xs text-slate-500"
                  />
                )}
                <span
                  className={`ml-auto rounded-full px-2 py-0.5 text-xs ${email.sentAt ? "bg-emerald-100 text-emerald-800" : email.error ? "bg-rose-100 text-rose-800" : "bg-slate-100 text-slate-700"}`}
                >
                  {email.sentAt ? "sent" : email.error ? `failed: ${email.error}` : "in outbox"}
                </span>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-indigo-700">Read</summary>
                <pre
                  className="mt-2 rounded bg-slate-50 p-3 text-sm whitespace-pre-wrap"
                  data-testid="outbox-body"
                >
                  {email.textBody}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
