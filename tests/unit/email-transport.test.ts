import { afterEach, describe, expect, it } from "vitest";
import { deliveryErrorText } from "@/lib/email/deliver-email";
import { messageIdOf, SmtpNotConfiguredError, transportOptions } from "@/lib/email/transport";

/** How SMTP_URL becomes nodemailer's options, our Message-IDs, and which error texts may be stored. */
describe("the SMTP transport's options", () => {
  it("requires STARTTLS before credentials cross a plain smtp:// connection", () => {
    expect(transportOptions("smtp://mailer:s%40cret@smtp.example.com:587")).toMatchObject({
      pool: true,
      host: "smtp.example.com",
      port: 587,
      secure: false,
      requireTLS: true,
      auth: { user: "mailer", pass: "s@cret" },
    });
  });

  it("uses TLS from the start for smtps://, port 465 by default", () => {
    expect(transportOptions("smtps://mailer:pw@smtp.example.com")).toMatchObject({
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: "mailer", pass: "pw" },
    });
  });

  it("sends no credentials and requires nothing for a server without them (the local one)", () => {
    const options = transportOptions("smtp://127.0.0.1:2525");
    expect(options).toMatchObject({ host: "127.0.0.1", port: 2525, secure: false, requireTLS: false });
    expect(options.auth).toBeUndefined();
  });
});

describe("Message-IDs", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("are the outbox id at SMTP_FROM's domain, the same on every attempt", () => {
    process.env.SMTP_FROM = "Claims Desk <desk@mail.example.org>";
    expect(messageIdOf("abc123")).toBe("<abc123@mail.example.org>");
    expect(messageIdOf("abc123")).toBe(messageIdOf("abc123"));
  });
});

describe("stored error texts", () => {
  it("keep what the SMTP server or the connection said", () => {
    const refused = Object.assign(new Error("Can't send mail - all recipients were rejected: 451 busy"), {
      responseCode: 451,
    });
    expect(deliveryErrorText(refused)).toBe("Can't send mail - all recipients were rejected: 451 busy");
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ECONNECTION" });
    expect(deliveryErrorText(down)).toBe("connect ECONNREFUSED 127.0.0.1:2525");
    expect(deliveryErrorText(new SmtpNotConfiguredError())).toMatch(/^SMTP_URL is not set/);
  });

  it("never keep another error's message (a database error carries its SQL and parameters)", () => {
    const sqlError = new Error(
      'Failed query: select "examinee_name" from bookings where id = $1 params: Jane Roe',
    );
    expect(deliveryErrorText(sqlError)).toBe(
      "an unexpected error while sending (details in the worker's log)",
    );
    expect(deliveryErrorText("a string")).not.toContain("a string");
  });

  it("are cut to a length fit for a table cell", () => {
    const long = Object.assign(new Error("x".repeat(2000)), { responseCode: 550 });
    expect(deliveryErrorText(long).length).toBeLessThanOrEqual(500);
  });
});
