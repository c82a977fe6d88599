import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { failureFromError } from "@/lib/actions/result";
import { acuityErrorFromNetworkFailure, acuityErrorFromResponse } from "@/lib/acuity/errors";
import { webhookHttpAnswer } from "@/lib/acuity-sync/receive-webhook";
import { acuityErrorCode, acuityUserError } from "@/lib/bookings/acuity-user-error";
import { ERROR_CODES, isErrorCode, type ErrorCode } from "@/lib/errors/codes";
import { failureResponse, httpStatusOf, HTTP_STATUS_OF_CODE } from "@/lib/http/error-status";

describe("the code → HTTP status table (lib/http/error-status.ts)", () => {
  it("gives every code exactly one status, an error status", () => {
    expect(Object.keys(HTTP_STATUS_OF_CODE).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
      expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
      expect(httpStatusOf(code)).toBeLessThan(600);
    }
  });

  it.each([
    ["invalid_input", 400],
    ["session_ended", 401],
    ["invalid_signature", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["stale", 409],
    ["slot_taken", 409],
    ["expired", 410],
    ["payload_too_large", 413],
    ["rate_limited", 429],
    ["internal", 500],
    ["upstream_unavailable", 503],
  ] as const)("answers %s with %i", (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it("turns a failure into a JSON response with its code and sentence, never cached", async () => {
    const response = failureResponse({ code: "not_found", error: "Not found." });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ code: "not_found", error: "Not found." });
  });

  it("answers Acuity's webhook through the same table", () => {
    expect(webhookHttpAnswer({ ok: true, received: "evt_1" })).toEqual({
      status: 200,
      body: { received: "evt_1" },
    });
    expect(webhookHttpAnswer({ ok: false, code: "invalid_signature", error: "invalid signature" })).toEqual({
      status: 401,
      body: { code: "invalid_signature", error: "invalid signature" },
    });
    expect(webhookHttpAnswer({ ok: false, code: "payload_too_large", error: "too large" }).status).toBe(413);
    expect(webhookHttpAnswer({ ok: false, code: "internal", error: "not stored" }).status).toBe(500);
  });

  it("knows its own codes and nothing else", () => {
    expect(isErrorCode("stale")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
  });
});

describe("failures carry the right code", () => {
  it("keeps a UserFacingError's code and sentence; anything else is internal and says nothing was changed", () => {
    expect(failureFromError(new NotFoundError("That booking"))).toEqual({
      ok: false,
      code: "not_found",
      error: "That booking was not found.",
      fieldErrors: {},
    });
    expect(failureFromError(new ConflictError())).toMatchObject({ code: "stale" });
    expect(failureFromError(new UserFacingError("conflict", "Already a member.", { email: ["x"] }))).toEqual({
      ok: false,
      code: "conflict",
      error: "Already a member.",
      fieldErrors: { email: ["x"] },
    });
    expect(failureFromError(new Error("disk on fire"))).toEqual({
      ok: false,
      code: "internal",
      error: "Something went wrong and nothing was changed. Please try again.",
      fieldErrors: {},
    });
  });

  it.each([
    [400, "not_available", "slot_taken"],
    [400, "required_email", "invalid_input"],
    [404, "not_found", "not_found"],
    [429, "too_many_requests", "rate_limited"],
    [503, "unavailable", "upstream_unavailable"],
    [401, "unauthorized", "upstream_unavailable"],
  ] as const)("codes Acuity's %i %s as %s", (status, acuityCode, code) => {
    const error = acuityErrorFromResponse(status, { status_code: status, error: acuityCode, message: "m" });
    expect(acuityErrorCode(error)).toBe(code);
  });

  it("codes a timeout as upstream_unavailable, and a taken slot with the field to fix", () => {
    const timeout = new Error("timed out");
    timeout.name = "TimeoutError";
    expect(acuityErrorCode(acuityErrorFromNetworkFailure(timeout))).toBe("upstream_unavailable");
    const taken = acuityUserError(
      acuityErrorFromResponse(400, { status_code: 400, error: "not_available", message: "m" }),
    );
    expect(taken).toMatchObject({ code: "slot_taken", fieldErrors: { datetime: [expect.any(String)] } });
  });
});
