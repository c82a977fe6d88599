/**
 * The log keeps personal data and secrets out by configuration: a real pino logger built by
 * createLogger writes to a captured stream, and the lines are read back as JSON.
 */
import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { runWithLogContext, setLogUser } from "@/lib/log/context";
import { redactPaths } from "@/lib/log/redact-paths";

function capture(format: "json" | "pretty" = "json") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { log: createLogger({ level: "info", format }, destination), lines };
}

describe("log redaction", () => {
  it("withholds examinee details, credentials, cookies and presigned URLs wherever they sit", () => {
    const { log, lines } = capture();
    log.info(
      {
        bookingId: "bk_1",
        examineeName: "Quinn Private",
        examinee_phone: "+61 400 000 000",
        booking: {
          examineeEmail: "quinn@private.example",
          examinee_first_name: "kept? no",
          specialistId: "sp_1",
        },
        acuity: {
          appointment: {
            firstName: "Quinn",
            lastName: "Private",
            email: "quinn@private.example",
            phone: "0400",
          },
        },
        password: "hunter2",
        headers: {
          cookie: "session=abc",
          authorization: "Bearer xyz",
          "set-cookie": ["a=b"],
          "user-agent": "curl",
        },
        upload: {
          url: "https://s3.local/bucket/key?X-Amz-Signature=abc",
          parts: [{ partNumber: 1, url: "https://s3.local/p1?sig" }],
        },
        downloadUrl: "https://s3.local/d?sig",
      },
      "booking saved",
    );
    const text = lines.join("");
    for (const secret of [
      "Quinn",
      "quinn@",
      "+61 400",
      "0400",
      "hunter2",
      "session=abc",
      "Bearer",
      "a=b",
      "X-Amz",
      "sig",
    ])
      expect(text).not.toContain(secret);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 30,
      msg: "booking saved",
      bookingId: "bk_1",
      examineeName: "[redacted]",
      booking: { examineeEmail: "[redacted]", specialistId: "sp_1" },
      acuity: { appointment: { firstName: "[redacted]", email: "[redacted]" } },
      headers: { cookie: "[redacted]", authorization: "[redacted]", "user-agent": "curl" },
      upload: { url: "[redacted]", parts: [{ partNumber: 1, url: "[redacted]" }] },
    });
    expect(typeof line.time).toBe("number");
  });

  it("logs a database error without its statement's parameters", () => {
    const { log, lines } = capture();
    const cause = new Error('new row violates check constraint "bookings_phone_check"');
    const error = new DrizzleQueryError(
      "insert into bookings (examinee_name, examinee_phone) values ($1, $2)",
      ["Quinn Private", "+61 400 000 000"],
      cause,
    );
    log.error({ event: "booking.save_failed", err: error }, "saving a booking failed");
    expect(lines.join("")).not.toContain("Quinn");
    const line = JSON.parse(lines[0]!) as {
      level: number;
      event: string;
      err: { type: string; message: string; stack?: string };
    };
    expect(line.level).toBe(50);
    expect(line.event).toBe("booking.save_failed");
    expect(line.err.type).toBe("DrizzleQueryError");
    expect(line.err.message).toContain("2 parameters withheld");
    expect(line.err.stack).toContain("log-redaction.test.ts");
  });

  it("redacts in the pretty format too", () => {
    const { log, lines } = capture("pretty");
    log.info({ examineeName: "Quinn Private", uploadUrl: "https://s3.local/x?sig" }, "pretty line");
    expect(lines.join("")).toContain("pretty line");
    expect(lines.join("")).not.toContain("Quinn");
    expect(lines.join("")).not.toContain("s3.local");
  });

  it("names the request, route, user and job of the context on every line", () => {
    const { log, lines } = capture();
    runWithLogContext({ requestId: "req-1", route: "POST /bookings/new" }, () => {
      setLogUser({ userId: "admin_1", impersonatedUserId: "user_2" });
      log.info("inside a request");
    });
    runWithLogContext({ job: "webhooks.worker" }, () => log.warn("inside a job"));
    log.info("outside");
    const [request, job, outside] = lines.map((l) => JSON.parse(l) as Record<string, unknown>) as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(request).toMatchObject({
      requestId: "req-1",
      route: "POST /bookings/new",
      userId: "admin_1",
      impersonatedUserId: "user_2",
    });
    expect(job).toMatchObject({ job: "webhooks.worker", level: 40 });
    expect(job.requestId).toBeUndefined();
    expect(outside.requestId).toBeUndefined();
  });

  it("builds bracketed paths for keys pino cannot write with dots", () => {
    expect(redactPaths(["set-cookie", "email"], 1)).toEqual([
      '["set-cookie"]',
      "email",
      '*["set-cookie"]',
      "*.email",
    ]);
  });
});
