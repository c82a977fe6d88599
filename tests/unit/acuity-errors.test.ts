import { describe, expect, it } from "vitest";
import {
  AcuityAuthError,
  AcuityError,
  AcuityNotFoundError,
  AcuityRateLimitedError,
  AcuitySlotUnavailableError,
  AcuityUnavailableError,
  AcuityValidationError,
  acuityErrorFromNetworkFailure,
  acuityErrorFromResponse,
} from "@/lib/acuity/errors";

const body = (status: number, error: string, message = "Something happened") => ({
  status_code: status,
  message,
  error,
});

describe("acuityErrorFromResponse", () => {
  it.each([
    [400, "not_available", AcuitySlotUnavailableError],
    [400, "no_available_calendar", AcuitySlotUnavailableError],
    [400, "required_email", AcuityValidationError],
    [400, "invalid_calendar", AcuityValidationError],
    [401, "unauthorized", AcuityAuthError],
    [403, "forbidden", AcuityAuthError],
    [404, "not_found", AcuityNotFoundError],
    [429, "too_many_requests", AcuityRateLimitedError],
    [500, "internal_error", AcuityUnavailableError],
    [503, "unavailable", AcuityUnavailableError],
  ] as const)("maps %i %s to %o", (status, code, ErrorClass) => {
    const error = acuityErrorFromResponse(status, body(status, code));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(AcuityError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.userMessage.length).toBeGreaterThan(10);
  });

  it("tells the user the slot is gone in plain words, not Acuity's code", () => {
    const error = acuityErrorFromResponse(400, body(400, "not_available"));
    expect(error.userMessage).toMatch(/no longer available/i);
    expect(error.userMessage).not.toMatch(/not_available/);
  });

  it("passes Acuity's human message through for validation errors", () => {
    const error = acuityErrorFromResponse(400, body(400, "required_email", "The email address is required."));
    expect(error.userMessage).toContain("The email address is required.");
  });

  it("copes with a body that is not Acuity's error JSON", () => {
    const error = acuityErrorFromResponse(502, "<html>Bad gateway</html>");
    expect(error).toBeInstanceOf(AcuityUnavailableError);
    expect(error.code).toBe("http_502");
  });

  it("distinguishes a timeout from other network failures", () => {
    const timeout = new DOMException("The operation timed out.", "TimeoutError");
    expect(acuityErrorFromNetworkFailure(timeout).code).toBe("timeout");
    expect(acuityErrorFromNetworkFailure(new TypeError("fetch failed")).code).toBe("network_error");
  });
});
