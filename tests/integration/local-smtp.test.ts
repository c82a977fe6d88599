import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMailbox, readMailboxMessage } from "@/lib/email/local-mailbox";
import { startLocalSmtp, type LocalSmtp } from "@/services/local-smtp/start-local-smtp";
import { calendarOf, parseIcs, waitForMailTo } from "../support/mailbox";

/** The local SMTP server (dev's embedded default and the tests' mail sink) and its mailbox reader. */
describe("the local SMTP server", () => {
  let dir: string;
  let smtp: LocalSmtp;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "ime-local-smtp-"));
    smtp = await startLocalSmtp({ port: 0, mailboxDir: path.join(dir, "mailbox") });
  });
  afterAll(async () => {
    await smtp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const send = (url: string, message: SendMailOptions) =>
    nodemailer.createTransport(url).sendMail({ from: "IME Portal <no-reply@ime-portal.local>", ...message });

  it("receives a message over SMTP and keeps it, parsed back with its parts and attachments", async () => {
    await send(smtp.url, {
      to: "Someone <someone@example.com>",
      subject: "Hello there",
      text: "plain twin",
      html: "<p>html <b>part</b></p>",
      messageId: "<fixed-1@ime-portal.local>",
      attachments: [{ filename: "note.txt", content: "attached", contentType: "text/plain" }],
    });
    const [message] = await listMailbox(smtp.mailboxDir);
    expect(message).toMatchObject({
      to: ["someone@example.com"],
      subject: "Hello there",
      messageId: "<fixed-1@ime-portal.local>",
      attachments: [{ filename: "note.txt", contentType: "text/plain", size: 8 }],
    });
    expect(message!.text?.trim()).toBe("plain twin");
    expect(message!.html).toContain("<b>part</b>");
    expect(message!.attachments[0]!.content).toBeUndefined();

    const full = await readMailboxMessage(smtp.mailboxDir, message!.id);
    expect(full!.attachments[0]!.content!.toString()).toBe("attached");
    // Written atomically: no temporary file is left beside the message.
    expect((await readdir(smtp.mailboxDir)).filter((name) => !name.endsWith(".eml"))).toEqual([]);
  });

  it("lists newest first", async () => {
    await send(smtp.url, { to: "order@example.com", subject: "first", text: "1" });
    await send(smtp.url, { to: "order@example.com", subject: "second", text: "2" });
    const subjects = (await listMailbox(smtp.mailboxDir)).map((message) => message.subject);
    expect(subjects.indexOf("second")).toBeLessThan(subjects.indexOf("first"));
  });

  it("reads only its own file names: a path outside the mailbox is no message", async () => {
    for (const bad of ["../../etc/passwd", "..", "x.eml", `../mailbox/${"a".repeat(10)}.eml`]) {
      expect(await readMailboxMessage(smtp.mailboxDir, bad)).toBeNull();
    }
    expect(await readMailboxMessage(smtp.mailboxDir, "2026-01-01T00-00-00.000Z-000000000000.eml")).toBeNull();
    expect(await listMailbox(path.join(dir, "no-such-folder"))).toEqual([]);
  });

  it("refuses recipients with a temporary failure while told to, and takes them again after", async () => {
    smtp.setRefusing(true);
    await expect(send(smtp.url, { to: "busy@example.com", subject: "x", text: "x" })).rejects.toMatchObject({
      responseCode: 451,
    });
    smtp.setRefusing(false);
    await send(smtp.url, { to: "busy@example.com", subject: "x", text: "x" });
    const received = await listMailbox(smtp.mailboxDir);
    expect(received.filter((message) => message.to.includes("busy@example.com"))).toHaveLength(1);
  });
});

describe("the run's shared local SMTP server", () => {
  it("is where SMTP_URL points, and waitForMailTo finds a message by its recipient", async () => {
    const to = `mailbox-${randomUUID()}@example.com`;
    await nodemailer.createTransport(process.env.SMTP_URL).sendMail({
      from: "no-reply@ime-portal.local",
      to,
      subject: "to the shared mailbox",
      text: "hi",
      icalEvent: {
        method: "REQUEST",
        content:
          "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:b1@ime-portal\r\nSEQUENCE:2\r\nDTSTART:20261203T090000Z\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      },
    });
    const [message] = await waitForMailTo(to);
    expect(message!.subject).toBe("to the shared mailbox");
    expect(calendarOf(message!)).toMatchObject({
      method: "REQUEST",
      events: [{ uid: "b1@ime-portal", sequence: 2 }],
    });
    expect(process.env.LOCAL_MAILBOX_DIR).toBeTruthy();
  });

  it("parses a calendar back: METHOD, UID, SEQUENCE, DTSTART, STATUS, folded lines unfolded", () => {
    const calendar = parseIcs(
      "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:abc@ime-\r\n portal\r\nSEQUENCE:3\r\nDTSTART;TZID=UTC:20261203T090000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR",
    );
    expect(calendar).toMatchObject({
      method: "CANCEL",
      events: [{ uid: "abc@ime-portal", sequence: 3, dtstart: "20261203T090000Z", status: "CANCELLED" }],
    });
  });
});
