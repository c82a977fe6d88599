import type { IncomingMessage, ServerResponse } from "node:http";

/** An answer in Acuity's error shape: `{status_code, message, error}`. */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message = "The appointment you were looking for could not be found.") =>
  new EmulatorHttpError(404, "not_found", message);

export const badRequest = (error: string, message: string) => new EmulatorHttpError(400, error, message);

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  error: EmulatorHttpError,
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    error.status,
    { status_code: error.status, message: error.message, error: error.error },
    headers,
  );
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON object body; empty means {}. Anything else is Acuity's 400 for unreadable input. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req)).trim();
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest("invalid_request", "The request body must be a JSON object.");
}

/** Acuity ids arrive as numbers in JSON and as strings in query strings; accept both. */
export function toId(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
