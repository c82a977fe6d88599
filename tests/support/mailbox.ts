/**
 * Reading what the run's local SMTP server received (tests/support/global-setup.ts starts it;
 * integration-env.ts points SMTP_URL and LOCAL_MAILBOX_DIR at it). All integration files share
 * the server, so a test finds its messages by its own unique recipients or booking ids.
 */
import { inject } from "vitest";
import { listMailboxIds, readMailboxMessage, type MailboxMessage } from "@/lib/email/local-mailbox";

export type ReceivedMail = MailboxMessage & { raw: string };

/** Files never change once written: parse each once per test file. */
const parsed = new Map<string, ReceivedMail>();

export function mailboxDir(): string {
  return inject("mailboxDir");
}

/** Every message received so far, newest first, attachments with their bytes. */
export async function receivedMail(): Promise<ReceivedMail[]> {
  const dir = mailboxDir();
  const ids = await listMailboxIds(dir);
  const messages: ReceivedMail[] = [];
  for (const id of ids) {
    let message = parsed.get(id);
    if (!message) {
      const read = await readMailboxMessage(dir, id, { content: true });
      if (!read) continue;
      message = { ...read, raw: read.raw ?? "" };
      parsed.set(id, message);
    }
    messages.push(message);
  }
  return messages;
}

/** Messages addressed to `address` (any of To), newest first. */
export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const wanted = address.toLowerCase();
  return (await receivedMail()).filter((message) => message.to.includes(wanted));
}

/**
 * Polls the mailbox until `count` messages match (default 1), and returns them newest first.
 * Fails with what arrived meanwhile for the same predicate after `timeoutMs` (generous: a loaded
 * machine is slow, and the tests never assert speed).
 */
export async function waitForMail(
  predicate: (message: ReceivedMail) => boolean,
  options: { timeoutMs?: number; count?: number } = {},
): Promise<ReceivedMail[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const count = options.count ?? 1;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matches = (await receivedMail()).filter(predicate);
    if (matches.length >= count) return matches;
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeoutMs} ms for ${count} message(s), ${matches.length} arrived`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The messages to `address` once at least `count` arrived. */
export function waitForMailTo(address: string, options: { timeoutMs?: number; count?: number } = {}) {
  const wanted = address.toLowerCase();
  return waitForMail((message) => message.to.includes(wanted), options);
}

export interface ParsedCalendar {
  method: string | null;
  events: {
    uid: string | null;
    sequence: number | null;
    dtstart: string | null;
    duration: string | null;
    dtend: string | null;
    status: string | null;
    summary: string | null;
    location: string | null;
  }[];
}

/**
 * A small reader of VCALENDAR text, enough for the tests to check what a calendar client acts on:
 * METHOD, and each VEVENT's UID, SEQUENCE, DTSTART/DURATION/DTEND, STATUS. Folded lines (RFC 5545
 * §3.1: CRLF followed by a space) are unfolded; parameters (`DTSTART;TZID=…:`) are dropped.
 */
export function parseIcs(text: string): ParsedCalendar {
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  const calendar: ParsedCalendar = { method: null, events: [] };
  let event: ParsedCalendar["events"][number] | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(";")[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (name === "BEGIN" && value === "VEVENT") {
      event = {
        uid: null,
        sequence: null,
        dtstart: null,
        duration: null,
        dtend: null,
        status: null,
        summary: null,
        location: null,
      };
    } else if (name === "END" && value === "VEVENT" && event) {
      calendar.events.push(event);
      event = null;
    } else if (!event) {
      if (name === "METHOD") calendar.method = value;
    } else if (name === "UID") event.uid = value;
    else if (name === "SEQUENCE") event.sequence = Number(value);
    else if (name === "DTSTART") event.dtstart = value;
    else if (name === "DURATION") event.duration = value;
    else if (name === "DTEND") event.dtend = value;
    else if (name === "STATUS") event.status = value;
    else if (name === "SUMMARY") event.summary = value;
    else if (name === "LOCATION") event.location = value;
  }
  return calendar;
}

/** The `.ics` of a received message (an attachment or a text/calendar part), parsed; null if none. */
export function calendarOf(message: ReceivedMail): ParsedCalendar | null {
  const attachment = message.attachments.find(
    (part) => part.contentType.startsWith("text/calendar") || part.filename?.endsWith(".ics"),
  );
  if (attachment?.content) return parseIcs(attachment.content.toString("utf8"));
  const inline = /BEGIN:VCALENDAR[\s\S]*?END:VCALENDAR/.exec(message.raw);
  return inline ? parseIcs(inline[0]) : null;
}
