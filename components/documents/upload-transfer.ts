/**
 * Browser side of an upload: the bytes go from the file straight to the signed storage URLs
 * (never through the portal). XMLHttpRequest rather than fetch because only XHR reports
 * upload progress. Multipart: a few parts in flight at once, each retried on its own.
 */
import type { UploadPlan } from "@/lib/documents/request-upload";
import type { PresignedPart } from "@/lib/storage/multipart";

export class TransferError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "TransferError";
  }
}

export class TransferCancelled extends Error {
  constructor() {
    super("Upload cancelled");
    this.name = "TransferCancelled";
  }
}

const PARALLEL_PARTS = 4;
const PART_ATTEMPTS = 4;
const retryDelayMs = (attempt: number) => 500 * 2 ** attempt;

/** One PUT of `body` to a signed URL; resolves with the ETag, reports bytes sent so far. */
function put(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (sent: number) => void,
  signal: AbortSignal,
) {
  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) return reject(new TransferCancelled());
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    signal.addEventListener("abort", abort, { once: true });
    const done = () => signal.removeEventListener("abort", abort);
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(body.size);
        return resolve(xhr.getResponseHeader("ETag") ?? "");
      }
      // 403 = the signature no longer fits (expired link, or the file changed on disk).
      if (xhr.status === 403)
        return reject(
          new TransferError("The upload link expired or the file changed while uploading. Retry.", false),
        );
      reject(
        new TransferError(
          `Storage refused the file (HTTP ${xhr.status}). Retry.`,
          xhr.status >= 500 || xhr.status === 408 || xhr.status === 429,
        ),
      );
    };
    xhr.onerror = () => {
      done();
      reject(new TransferError("The connection to storage dropped. Check your network and retry.", true));
    };
    xhr.onabort = () => {
      done();
      reject(new TransferCancelled());
    };
    xhr.send(body);
  });
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(new TransferCancelled());
      },
      { once: true },
    );
  });

export type UploadedParts = { partNumber: number; etag: string }[];

/** Sends the file as the plan says; resolves with the parts (empty for a single PUT). */
export async function transferFile(
  file: File,
  plan: UploadPlan,
  onProgress: (sentBytes: number) => void,
  signal: AbortSignal,
): Promise<UploadedParts> {
  if (plan.kind === "single") {
    await put(plan.url, file, plan.headers, onProgress, signal);
    return [];
  }

  const sentPerPart = new Map<number, number>();
  const report = () => onProgress([...sentPerPart.values()].reduce((sum, n) => sum + n, 0));

  // A part that fails for good stops its siblings, so nobody waits on a doomed upload.
  const stopAll = new AbortController();
  const forwardCancel = () => stopAll.abort();
  signal.addEventListener("abort", forwardCancel, { once: true });

  const sendPart = async (part: PresignedPart) => {
    const offset = (part.partNumber - 1) * plan.partSize;
    const blob = file.slice(offset, offset + part.size);
    for (let attempt = 0; ; attempt++) {
      try {
        const track = (sent: number) => {
          sentPerPart.set(part.partNumber, sent);
          report();
        };
        return { partNumber: part.partNumber, etag: await put(part.url, blob, {}, track, stopAll.signal) };
      } catch (error) {
        sentPerPart.set(part.partNumber, 0);
        report();
        const retryable = error instanceof TransferError && error.retryable;
        if (!retryable || attempt + 1 >= PART_ATTEMPTS) throw error;
        await sleep(retryDelayMs(attempt), stopAll.signal);
      }
    }
  };

  const queue = [...plan.parts];
  const uploaded: UploadedParts = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_PARTS, queue.length) }, async () => {
        for (let part = queue.shift(); part; part = queue.shift()) uploaded.push(await sendPart(part));
      }),
    );
  } catch (error) {
    stopAll.abort();
    throw signal.aborted ? new TransferCancelled() : error;
  } finally {
    signal.removeEventListener("abort", forwardCancel);
  }
  return uploaded.sort((a, b) => a.partNumber - b.partNumber);
}
