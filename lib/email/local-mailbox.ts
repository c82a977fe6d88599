/**
 * The local mailbox: the folder where the local SMTP server (services/local-smtp) keeps every
 * message it received, one raw `.eml` file each. Admin → Outbox and the tests read it here,
 * parsed with mailparser, so what they see is exactly what went over SMTP.
 */
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";

/** `2026-12-02T10-11-12.345Z-1a2b3c4d5e6f.eml`: receipt time first, so names sort by arrival. */
const MAILBOX_FILE_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]{12}\.eml$/;

/** A new message's file name (the receipt time, colons made filename-safe, and a random tail). */
export function mailboxFileName(receivedAt = new Date()): string {
  return `${receivedAt.toISOString().replace(/:/g, "-")}-${randomBytes(6).toString("hex")}.eml`;
}

/** Only names the server writes are read: an id from a URL can never reach outside the folder. */
export function isMailboxMessageId(id: string): boolean {
  return MAILBOX_FILE_PATTERN.test(id);
}

export interface MailboxAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  content?: Buffer;
}

export interface MailboxMessage {
  /** The file name: stable, and what readMailboxMessage takes. */
  id: string;
  from: string | null;
  to: string[];
  subject: string | null;
  /** The portal's e-mail kind (the X-IME-Portal-Kind header it sets), null for other mail. */
  kind: string | null;
  date: Date | null;
  messageId: string | null;
  text: string | null;
  html: string | null;
  attachments: MailboxAttachment[];
  /** The raw MIME source, for tests that look at headers. */
  raw?: string;
}

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
  );

function headerText(parsed: ParsedMail, name: string): string | null {
  const value = parsed.headers.get(name);
  return typeof value === "string" ? value : null;
}

function messageOf(
  id: string,
  parsed: ParsedMail,
  options: { content: boolean; raw?: string },
): MailboxMessage {
  return {
    id,
    from: parsed.from?.text ?? null,
    to: addressesOf(parsed.to),
    subject: parsed.subject ?? null,
    kind: headerText(parsed, "x-ime-portal-kind"),
    date: parsed.date ?? null,
    messageId: parsed.messageId ?? null,
    text: parsed.text ?? null,
    html: typeof parsed.html === "string" ? parsed.html : null,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType,
      size: attachment.size,
      ...(options.content ? { content: attachment.content } : {}),
    })),
    ...(options.raw === undefined ? {} : { raw: options.raw }),
  };
}

/** The ids (file names) in the folder, newest first; an absent folder is an empty mailbox. */
export async function listMailboxIds(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  return names.filter(isMailboxMessageId).sort().reverse();
}

/** The newest `limit` messages, parsed (attachments listed without their bytes). */
export async function listMailbox(dir: string, options: { limit?: number } = {}): Promise<MailboxMessage[]> {
  const ids = (await listMailboxIds(dir)).slice(0, options.limit ?? 100);
  const messages = await Promise.all(ids.map((id) => readMailboxMessage(dir, id, { content: false })));
  return messages.filter((message): message is MailboxMessage => message !== null);
}

/** One message with its attachments' bytes (and its raw source), or null when there is no such id. */
export async function readMailboxMessage(
  dir: string,
  id: string,
  options: { content?: boolean } = {},
): Promise<MailboxMessage | null> {
  if (!isMailboxMessageId(id)) return null;
  let raw: Buffer;
  try {
    raw = await readFile(path.join(dir, id));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const withContent = options.content ?? true;
  const parsed = await simpleParser(raw);
  return messageOf(id, parsed, {
    content: withContent,
    ...(withContent ? { raw: raw.toString("utf8") } : {}),
  });
}

/** One attachment of a message with its bytes, or null when the message or the index does not exist. */
export async function readMailboxAttachment(
  dir: string,
  id: string,
  index: number,
): Promise<(MailboxAttachment & { content: Buffer }) | null> {
  if (!Number.isInteger(index) || index < 0) return null;
  const message = await readMailboxMessage(dir, id, { content: true });
  const attachment = message?.attachments[index];
  return attachment?.content ? { ...attachment, content: attachment.content } : null;
}
