import Link from "next/link";
import { Timestamp } from "@/components/ui/timestamp";
import type { MailboxMessage } from "@/lib/email/local-mailbox";

// The anchor brings a phone, where the message sits below the list, straight to it.
const messageHref = (id: string) => `?${new URLSearchParams({ view: "mailbox", message: id })}#opened`;
const attachmentHref = (id: string, index: number) =>
  `/api/admin/mailbox/${encodeURIComponent(id)}/attachments/${index}`;

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * What the local SMTP server received (dev and tests): the list, newest first, and the opened
 * message — its HTML in a sandboxed frame (no scripts, no same-origin access, no forms), its text,
 * its attachments as downloads.
 */
export function LocalMailboxView({
  messages,
  opened,
  viewerZone,
}: {
  messages: MailboxMessage[];
  opened: MailboxMessage | null;
  viewerZone: string | null;
}) {
  if (messages.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        The local SMTP server has received nothing yet.
      </p>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <ul
        aria-label="Received messages"
        className="divide-y divide-slate-100 self-start rounded-lg border border-slate-200 bg-white text-sm"
      >
        {messages.map((message) => {
          const current = opened?.id === message.id;
          return (
            <li key={message.id} data-testid="mailbox-message">
              <Link
                href={messageHref(message.id)}
                aria-current={current ? "true" : undefined}
                className={`flex flex-col gap-0.5 p-3 hover:bg-slate-50 ${current ? "bg-indigo-50" : ""}`}
              >
                <span className="font-medium text-slate-900">{message.subject ?? "(no subject)"}</span>
                <span className="break-all text-slate-700">to {message.to.join(", ")}</span>
                {message.date && (
                  <Timestamp
                    instant={message.date}
                    viewerZone={viewerZone}
                    className="text-xs text-slate-600"
                  />
                )}
              </Link>
            </li>
          );
        })}
      </ul>

      {opened ? (
        <article
          id="opened"
          aria-labelledby="mailbox-subject"
          data-testid="mailbox-opened"
          className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
        >
          <h2 id="mailbox-subject" className="text-lg font-semibold break-words">
            {opened.subject ?? "(no subject)"}
          </h2>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-slate-700">
            <dt className="text-slate-600">From</dt>
            <dd className="break-all">{opened.from}</dd>
            <dt className="text-slate-600">To</dt>
            <dd className="break-all">{opened.to.join(", ")}</dd>
            {opened.date && (
              <>
                <dt className="text-slate-600">Date</dt>
                <dd>
                  <Timestamp instant={opened.date} viewerZone={viewerZone} />
                </dd>
              </>
            )}
            <dt className="text-slate-600">Message-ID</dt>
            <dd className="font-mono text-xs break-all">{opened.messageId}</dd>
          </dl>
          {opened.kind === "password_reset" ? (
            <p className="rounded-md bg-slate-50 p-3 text-slate-700">
              A password reset: its body is not shown here, since the link in it is a credential. The raw
              message is the file {opened.id} in the mailbox folder.
            </p>
          ) : (
            <>
              {opened.html && (
                <iframe
                  title={`The e-mail as HTML: ${opened.subject ?? ""}`}
                  sandbox=""
                  srcDoc={opened.html}
                  className="h-[36rem] w-full rounded border border-slate-200 bg-white"
                />
              )}
              {opened.text && (
                <details>
                  <summary className="cursor-pointer text-indigo-700">Plain text</summary>
                  <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap">
                    {opened.text}
                  </pre>
                </details>
              )}
              {opened.attachments.length > 0 && (
                <div>
                  <h3 className="font-medium">Attachments</h3>
                  <ul className="mt-1 flex flex-col gap-1">
                    {opened.attachments.map((attachment, index) => (
                      <li key={index}>
                        <a
                          className="text-indigo-700 underline"
                          href={attachmentHref(opened.id, index)}
                          download
                        >
                          {attachment.filename ??
                            (attachment.contentType.startsWith("text/calendar")
                              ? "calendar part (.ics)"
                              : `attachment ${index + 1}`)}
                        </a>{" "}
                        <span className="text-slate-600">
                          ({attachment.contentType}, {formatSize(attachment.size)})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          )}
        </article>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          Open a message to see it as its reader would.
        </p>
      )}
    </div>
  );
}
