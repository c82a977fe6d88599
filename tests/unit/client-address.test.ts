import { afterEach, describe, expect, it } from "vitest";
import {
  clientIpFromHeaders,
  SOCKET_ADDRESS_HEADER,
  SOCKET_ADDRESS_TRUSTED_ENV,
  trustedProxyHops,
  UNKNOWN_IP,
} from "@/lib/audit/request-context";
import { parseConfig } from "@/lib/config";

const request = (socket: string | null, forwardedFor?: string) => {
  const headers = new Headers();
  if (socket !== null) headers.set(SOCKET_ADDRESS_HEADER, socket);
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  return headers;
};

afterEach(() => {
  delete process.env[SOCKET_ADDRESS_TRUSTED_ENV];
});

describe("the client address", () => {
  it("is the connection's address when no proxy is trusted, whatever x-forwarded-for says", () => {
    process.env[SOCKET_ADDRESS_TRUSTED_ENV] = "1";
    expect(clientIpFromHeaders(request("198.51.100.4", "203.0.113.1"), 0)).toBe("198.51.100.4");
    expect(clientIpFromHeaders(request("::ffff:198.51.100.4"), 0)).toBe("198.51.100.4");
  });

  it("is what the outermost trusted proxy saw, never an entry the client wrote before it", () => {
    process.env[SOCKET_ADDRESS_TRUSTED_ENV] = "1";
    const chain = request("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1");
    expect(clientIpFromHeaders(chain, 1)).toBe("10.0.0.1");
    expect(clientIpFromHeaders(chain, 2)).toBe("203.0.113.9");
  });

  it("is unknown when the request did not come through the portal server, or the hop is no address", () => {
    expect(clientIpFromHeaders(request("198.51.100.4", "203.0.113.1"), 0)).toBe(UNKNOWN_IP);
    process.env[SOCKET_ADDRESS_TRUSTED_ENV] = "1";
    expect(clientIpFromHeaders(request(null, "203.0.113.1"), 1)).toBe(UNKNOWN_IP);
    expect(clientIpFromHeaders(request("10.0.0.2", "not-an-ip"), 1)).toBe(UNKNOWN_IP);
  });

  it("reads TRUSTED_PROXY_HOPS as a whole number, 0 when unset, and refuses anything else", () => {
    expect(parseConfig({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseConfig({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "yes" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "100" })).toThrow(/TRUSTED_PROXY_HOPS/);
    process.env.TRUSTED_PROXY_HOPS = "3";
    try {
      expect(trustedProxyHops()).toBe(3);
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
    }
  });
});
