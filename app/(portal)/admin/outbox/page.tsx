import type { Metadata } from "next";
import Link from "next/link";
import { LocalMailboxView } from "@/components/admin/local-mailbox-view";
import { OutboxSends } from "@/components/admin/outbox-sends";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { config } from "@/lib/config";
import { listOutbox, OUTBOX_PAGE_SIZE, outboxFiltersSchema } from "@/lib/email/list-outbox";
import { listMailbox, readMailboxMessage } from "@/lib/email/local-mailbox";

export const metadata: Metadata = { title: "Outbox" };

const MAILBOX_LIMIT = 50;

export default async function AdminOutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdminConsole();
  const params = await searchParams;
  const { SMTP_URL, LOCAL_MAILBOX_DIR } = config();
  const view = LOCAL_MAILBOX_DIR && params.view === "mailbox" ? "mailbox" : "sends";
  const viewerZone = await viewerTimeZone();
  const tab = (name: "sends" | "mailbox", label: string) => (
    <Link
      href={name === "sends" ? "?" : "?view=mailbox"}
      aria-current={view === name ? "page" : undefined}
      className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${view === name ? "border-indigo-700 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
    >
      {label}
    </Link>
  );

  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Outbox</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every e-mail the portal sends: queued with the change that caused it, then sent by a worker, retried
          while the mail server refuses or is down. A failed or sent one can be sent again.{" "}
          {SMTP_URL
            ? LOCAL_MAILBOX_DIR
              ? "Mail goes to the local SMTP server: nothing leaves this machine."
              : null
            : "SMTP_URL is not set: e-mails stay queued and fail after their retries."}
        </p>
      </div>
      {LOCAL_MAILBOX_DIR && (
        <nav aria-label="Outbox views" className="flex gap-2 border-b border-slate-200">
          {tab("sends", "Sends record")}
          {tab("mailbox", "Local mailbox")}
        </nav>
      )}
      {view === "mailbox" && LOCAL_MAILBOX_DIR ? (
        <LocalMailboxView
          messages={await listMailbox(LOCAL_MAILBOX_DIR, { limit: MAILBOX_LIMIT })}
          opened={
            params.message
              ? await readMailboxMessage(LOCAL_MAILBOX_DIR, params.message, { content: false })
              : null
          }
          viewerZone={viewerZone}
        />
      ) : (
        await sendsRecord(params, viewerZone)
      )}
    </section>
  );
}

async function sendsRecord(params: Record<string, string | undefined>, viewerZone: string | null) {
  const filters = outboxFiltersSchema.parse(params);
  const { rows, total, counts } = await listOutbox(getDb(), filters);
  return (
    <OutboxSends
      rows={rows}
      counts={counts}
      total={total}
      filters={filters}
      pageSize={OUTBOX_PAGE_SIZE}
      viewerZone={viewerZone}
    />
  );
}
