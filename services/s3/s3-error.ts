import type { ServerResponse } from "node:http";

/** An error the proxy answers itself, shaped like S3's so SDKs and browsers parse it. */
export class S3ProxyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "S3ProxyError";
  }
}

export const accessDenied = (message = "Access Denied") => new S3ProxyError(403, "AccessDenied", message);
export const signatureDoesNotMatch = () =>
  new S3ProxyError(
    403,
    "SignatureDoesNotMatch",
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  );
export const badRequest = (code: string, message: string) => new S3ProxyError(400, code, message);

const escapeXml = (value: string) =>
  value.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

export function sendS3Error(
  res: ServerResponse,
  error: S3ProxyError,
  resource: string,
  extraHeaders: Record<string, string> = {},
) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message><Resource>${escapeXml(resource)}</Resource></Error>`;
  res.writeHead(error.status, {
    ...extraHeaders,
    "Content-Type": "application/xml",
    "Content-Length": Buffer.byteLength(body),
    // The request body may not have been read; don't let the socket carry it into the next request.
    Connection: "close",
  });
  res.end(body);
}
