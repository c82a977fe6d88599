import { describe, expect, it } from "vitest";
import { buildCanonicalRequest, computeSignature, parseCredential } from "@/services/s3/sigv4";

// The worked example "GET Object" from the S3 docs (sig-v4-header-based-auth).
const headers: Record<string, string> = {
  host: "examplebucket.s3.amazonaws.com",
  range: "bytes=0-9",
  "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "x-amz-date": "20130524T000000Z",
};

describe("the local S3's SigV4 verifier", () => {
  it("reproduces AWS's published signature", () => {
    const canonicalRequest = buildCanonicalRequest({
      method: "GET",
      rawPath: "/test.txt",
      queryPairs: [],
      signedHeaders: ["host", "range", "x-amz-content-sha256", "x-amz-date"],
      headerValue: (name) => headers[name],
      payloadHash: headers["x-amz-content-sha256"]!,
    });
    const signature = computeSignature({
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      amzDate: "20130524T000000Z",
      scope: parseCredential("AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request")!,
      canonicalRequest,
    });
    expect(signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });
});
