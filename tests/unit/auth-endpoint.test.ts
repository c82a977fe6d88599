import { describe, expect, it } from "vitest";
import { postAuth } from "@/lib/auth/auth-endpoint";

/** A stand-in for the browser's fetch that records the request and answers as better-auth would. */
function fakeFetch(status: number, body: string) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body || null, { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
  return { calls, impl };
}

describe("postAuth: the browser's calls to better-auth without its client", () => {
  it("POSTs JSON to the endpoint under /api/auth and hands back the answer's data", async () => {
    const { calls, impl } = fakeFetch(200, JSON.stringify({ twoFactorRedirect: true }));
    const answer = await postAuth("/sign-in/email", { email: "a@b.test", password: "p" }, impl);
    expect(answer).toEqual({ data: { twoFactorRedirect: true }, error: null });
    expect(calls[0]?.url).toBe("/api/auth/sign-in/email");
    expect(calls[0]?.init.method).toBe("POST");
    expect(new Headers(calls[0]?.init.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ email: "a@b.test", password: "p" });
  });

  it("sends an empty JSON object when there is nothing to say (sign-out)", async () => {
    const { calls, impl } = fakeFetch(200, JSON.stringify({ success: true }));
    expect(await postAuth("/sign-out", undefined, impl)).toEqual({ data: { success: true }, error: null });
    expect(calls[0]?.init.body).toBe("{}");
  });

  it("gives better-auth's error code and message with the status, as its client did", async () => {
    const { impl } = fakeFetch(
      400,
      JSON.stringify({ code: "PASSWORD_TOO_COMMON", message: "Choose another password" }),
    );
    expect(await postAuth("/reset-password", { newPassword: "x", token: "t" }, impl)).toEqual({
      data: null,
      error: { status: 400, code: "PASSWORD_TOO_COMMON", message: "Choose another password" },
    });
  });

  it("keeps the status when the error has no JSON body (a rate limit, a 404)", async () => {
    expect(await postAuth("/two-factor/verify-totp", { code: "1" }, fakeFetch(429, "").impl)).toEqual({
      data: null,
      error: { status: 429, code: undefined, message: undefined },
    });
    expect(await postAuth("/sign-out", {}, fakeFetch(502, "<html>bad gateway</html>").impl)).toMatchObject({
      data: null,
      error: { status: 502 },
    });
  });

  it("rejects when the portal cannot be reached, so the forms say so", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    await expect(postAuth("/sign-out", {}, down)).rejects.toThrow("Failed to fetch");
  });
});
