import net from "node:net";
import tls from "node:tls";

/**
 * A deliberately small SMTP client (RFC 5321) for one message at a time: `smtp://` (upgraded
 * with STARTTLS when the server offers it), `smtps://` (TLS from the start), AUTH PLAIN when
 * the URL carries credentials. No pooling, no DKIM, no attachments — if the portal ever needs
 * those, replace this file with `nodemailer`.
 *
 *   SMTP_URL=smtps://user:pass@smtp.example.com:465   SMTP_FROM="IME Portal <no-reply@example.com>"
 */
export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

type Socket = net.Socket | tls.TLSSocket;

class SmtpConversation {
  private buffer = "";
  private waiting: ((line: string) => void) | null = null;
  private failure: Error | null = null;

  constructor(private socket: Socket) {
    this.attach(socket);
  }

  attach(socket: Socket) {
    this.socket = socket;
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      this.flush();
    });
    socket.on("error", (error) => {
      this.failure = error;
      this.flush();
    });
  }

  private flush() {
    if (!this.waiting) return;
    if (this.failure) return this.waiting(`ERR ${this.failure.message}`);
    // A reply is complete at a line "NNN text" (a space, not a dash, after the code).
    const match = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.buffer);
    if (!match) return;
    const end = match.index + match[0].length;
    const reply = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end);
    const resolve = this.waiting;
    this.waiting = null;
    resolve(reply);
  }

  reply(): Promise<string> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.flush();
    });
  }

  async expect(command: string | null, codes: number[]): Promise<string> {
    if (command !== null) this.socket.write(`${command}\r\n`);
    const reply = await this.reply();
    const lastLine = reply.trimEnd().split("\r\n").pop() ?? "";
    if (!codes.includes(Number(lastLine.slice(0, 3)))) {
      throw new Error(`SMTP server answered "${lastLine}" to ${command?.split(" ")[0] ?? "the greeting"}`);
    }
    return reply;
  }

  get current() {
    return this.socket;
  }
}

const addressOf = (mailbox: string) => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();

/** Dot-stuffing and CRLF line ends, as DATA requires. */
const dataLines = (text: string) => text.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..");

const encodeHeader = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;

export function buildMimeMessage(message: SmtpMessage, date = new Date()): string {
  const headers = [
    `From: ${message.from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    "MIME-Version: 1.0",
  ];
  const part = (type: string, body: string) =>
    `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n")}`;
  if (!message.html) return `${headers.join("\r\n")}\r\n${part("text/plain", message.text)}`;
  const boundary = `ime-${date.getTime().toString(36)}`;
  return `${headers.join("\r\n")}\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n--${boundary}\r\n${part("text/plain", message.text)}\r\n--${boundary}\r\n${part("text/html", message.html)}\r\n--${boundary}--`;
}

export async function sendSmtpMail(smtpUrl: string, message: SmtpMessage, timeoutMs = 15_000): Promise<void> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const host = url.hostname;
  const port = Number(url.port || (secure ? 465 : 25));
  const socket: Socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error("SMTP server timed out")));
  const smtp = new SmtpConversation(socket);
  try {
    await smtp.expect(null, [220]);
    let features = await smtp.expect("EHLO ime-portal", [250]);
    if (!secure && /STARTTLS/i.test(features)) {
      await smtp.expect("STARTTLS", [220]);
      smtp.current.removeAllListeners("data");
      const upgraded = tls.connect({ socket: smtp.current as net.Socket, servername: host });
      smtp.attach(upgraded);
      await new Promise<void>((resolve, reject) =>
        upgraded.once("secureConnect", resolve).once("error", reject),
      );
      features = await smtp.expect("EHLO ime-portal", [250]);
    }
    if (url.username) {
      const credentials = Buffer.from(
        `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`,
      ).toString("base64");
      if (!/AUTH[^\r\n]*PLAIN/i.test(features)) throw new Error("SMTP server does not offer AUTH PLAIN");
      await smtp.expect(`AUTH PLAIN ${credentials}`, [235]);
    }
    await smtp.expect(`MAIL FROM:<${addressOf(message.from)}>`, [250]);
    await smtp.expect(`RCPT TO:<${addressOf(message.to)}>`, [250, 251]);
    await smtp.expect("DATA", [354]);
    await smtp.expect(`${dataLines(buildMimeMessage(message))}\r\n.`, [250]);
    await smtp.expect("QUIT", [221]).catch(() => {});
  } finally {
    smtp.current.destroy();
  }
}
