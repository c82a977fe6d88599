import { randomBytes } from "node:crypto";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headObject } from "@/lib/storage/head-object";
import { buildDocumentKey } from "@/lib/storage/keys";
import { presignDownload } from "@/lib/storage/presign-download";
import { presignUpload } from "@/lib/storage/presign-upload";
import { deleteObject } from "@/lib/storage/delete-object";
import { newId } from "@/lib/ids";
import { APP_ORIGIN, startTestS3, type TestS3 } from "./storage-test-s3";

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.stop();
});

const newKey = () => buildDocumentKey(newId(), newId());
const PDF = "application/pdf";

async function uploadUrlFor(body: Buffer, contentType = PDF) {
  const key = newKey();
  const upload = await presignUpload({ key, contentType, contentLength: body.length }, s3.storage);
  return { key, upload };
}

describe("presigned upload and download through the local S3", () => {
  it("stores exactly the uploaded bytes and gives them back", async () => {
    const body = randomBytes(1024 * 1024 + 7);
    const { key, upload } = await uploadUrlFor(body);

    const put = await fetch(upload.url, { method: "PUT", headers: upload.headers, body });
    expect(put.status).toBe(200);
    expect(await headObject(key, s3.storage)).toMatchObject({ size: body.length, contentType: PDF });

    const download = await presignDownload({ key, fileName: "brief.pdf" }, s3.storage);
    const got = await fetch(download.url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(body)).toBe(true);
  });

  it("makes the browser save the file under a safe name", async () => {
    const body = Buffer.from("%PDF-1.7 report");
    const { key, upload } = await uploadUrlFor(body);
    await fetch(upload.url, { method: "PUT", headers: upload.headers, body });

    const download = await presignDownload(
      { key, fileName: 'C:\\Users\\clerk\\Müller "final"\u202Efdp.exe.pdf' },
      s3.storage,
    );
    const got = await fetch(download.url);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-disposition")).toBe(
      `attachment; filename="M_ller finalfdp.exe.pdf"; filename*=UTF-8''M%C3%BCller%20finalfdp.exe.pdf`,
    );
  });

  it("reports a missing key as null and forgets deleted objects", async () => {
    expect(await headObject(newKey(), s3.storage)).toBeNull();

    const body = Buffer.from("to be deleted");
    const { key, upload } = await uploadUrlFor(body);
    await fetch(upload.url, { method: "PUT", headers: upload.headers, body });
    expect(await headObject(key, s3.storage)).not.toBeNull();
    await deleteObject(key, s3.storage);
    expect(await headObject(key, s3.storage)).toBeNull();
  });
});

describe("the local S3 refuses what real S3 refuses", () => {
  it("refuses an upload whose signature was tampered with", async () => {
    const body = Buffer.from("tampered");
    const { key, upload } = await uploadUrlFor(body);
    const url = new URL(upload.url);
    const signature = url.searchParams.get("X-Amz-Signature")!;
    url.searchParams.set("X-Amz-Signature", (signature[0] === "a" ? "b" : "a") + signature.slice(1));

    const put = await fetch(url, { method: "PUT", headers: upload.headers, body });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(await headObject(key, s3.storage)).toBeNull();
  });

  it("refuses an upload URL reused for another key", async () => {
    const body = Buffer.from("elsewhere");
    const { key, upload } = await uploadUrlFor(body);
    const otherKey = newKey();
    const put = await fetch(upload.url.replace(key, otherKey), {
      method: "PUT",
      headers: upload.headers,
      body,
    });
    expect(put.status).toBe(403);
    expect(await headObject(otherKey, s3.storage)).toBeNull();
  });

  it("refuses an expired URL", async () => {
    const key = newKey();
    const command = new GetObjectCommand({ Bucket: s3.config.bucket, Key: key });
    const signingDate = new Date(Date.now() - 10 * 60 * 1000);
    const url = await getSignedUrl(s3.storage.client, command, { expiresIn: 60, signingDate });

    const got = await fetch(url);
    expect(got.status).toBe(403);
    const xml = await got.text();
    expect(xml).toContain("<Code>AccessDenied</Code>");
    expect(xml).toContain("Request has expired");
  });

  it("refuses an upload with a different content type than signed", async () => {
    const body = Buffer.from("MZ pretending to be a pdf");
    const { key, upload } = await uploadUrlFor(body);
    const put = await fetch(upload.url, {
      method: "PUT",
      headers: { "Content-Type": "application/x-msdownload" },
      body,
    });
    expect(put.status).toBe(403);
    expect(await headObject(key, s3.storage)).toBeNull();
  });

  it("refuses a body larger or smaller than the signed length", async () => {
    const signed = Buffer.alloc(1000, 1);
    const { key, upload } = await uploadUrlFor(signed);

    const larger = await fetch(upload.url, {
      method: "PUT",
      headers: upload.headers,
      body: Buffer.alloc(5000, 1),
    });
    expect(larger.status).toBe(403);
    const smaller = await fetch(upload.url, {
      method: "PUT",
      headers: upload.headers,
      body: Buffer.alloc(10, 1),
    });
    expect(smaller.status).toBe(403);
    expect(await headObject(key, s3.storage)).toBeNull();
  });

  it("refuses a streamed body that declares no length", async () => {
    const { key, upload } = await uploadUrlFor(Buffer.alloc(1000, 1));
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(1000));
        controller.close();
      },
    });
    const put = await fetch(upload.url, {
      method: "PUT",
      headers: upload.headers,
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(put.status).toBeGreaterThanOrEqual(400);
    expect(await headObject(key, s3.storage)).toBeNull();
  });

  it("refuses URLs and SDK calls signed with the wrong secret or an unknown key", async () => {
    const body = Buffer.from("forged");
    const key = newKey();
    const forger = s3.storageWith({ secretAccessKey: "not-the-secret" });
    const forged = await presignUpload({ key, contentType: PDF, contentLength: body.length }, forger);
    expect((await fetch(forged.url, { method: "PUT", headers: forged.headers, body })).status).toBe(403);

    await expect(
      forger.client.send(new PutObjectCommand({ Bucket: s3.config.bucket, Key: key, Body: body })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    await expect(headObject(key, s3.storageWith({ accessKeyId: "AKIAUNKNOWN" }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    expect(await headObject(key, s3.storage)).toBeNull();
  });

  it("refuses unsigned requests to the private bucket", async () => {
    const res = await fetch(`${s3.endpoint}/${s3.config.bucket}/${newKey()}`, {
      method: "PUT",
      body: "anonymous",
    });
    expect(res.status).toBe(403);
    expect((await fetch(`${s3.endpoint}/${s3.config.bucket}`)).status).toBe(403);
  });
});

describe("CORS for direct browser uploads", () => {
  it("answers the preflight of an allowed page and exposes the ETag", async () => {
    const body = Buffer.from("from the browser");
    const { upload } = await uploadUrlFor(body);
    const preflight = await fetch(upload.url, {
      method: "OPTIONS",
      headers: {
        Origin: APP_ORIGIN,
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("content-type");

    const put = await fetch(upload.url, {
      method: "PUT",
      headers: { ...upload.headers, Origin: APP_ORIGIN },
      body,
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(put.headers.get("access-control-expose-headers")).toContain("ETag");
  });

  it("refuses the preflight of another site", async () => {
    const preflight = await fetch(`${s3.endpoint}/${s3.config.bucket}/${newKey()}`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "PUT" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });
});
