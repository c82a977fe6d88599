/**
 * Invoice and credit note PDFs in the object store (the same bucket as documents), under
 * `invoices/<organizationId>/<invoiceId>/<number>.pdf`: made by the server from ids and the
 * number, so a retried issue that gets the same number writes the same key again.
 */
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getStorage, type Storage } from "@/lib/storage/client";

const ID_PATTERN = /^[a-z0-9_-]{1,64}$/i;
const NUMBER_PATTERN = /^[A-Z]{2,8}-\d{4}-\d{4,}$/;

export function invoicePdfKey(organizationId: string, invoiceId: string, number: string): string {
  if (!ID_PATTERN.test(organizationId) || !ID_PATTERN.test(invoiceId) || !NUMBER_PATTERN.test(number))
    throw new Error("invalid id or number for an invoice PDF key");
  return `invoices/${organizationId}/${invoiceId}/${number}.pdf`;
}

export async function putInvoicePdf(
  key: string,
  pdf: Buffer,
  storage: Storage = getStorage(),
): Promise<void> {
  await storage.client.send(
    new PutObjectCommand({
      Bucket: storage.bucket,
      Key: key,
      Body: pdf,
      ContentType: "application/pdf",
      ContentLength: pdf.length,
    }),
  );
}

/** The stored bytes (the e-mail worker attaches them). */
export async function readInvoicePdf(key: string, storage: Storage = getStorage()): Promise<Buffer> {
  const object = await storage.client.send(new GetObjectCommand({ Bucket: storage.bucket, Key: key }));
  if (!object.Body) throw new Error("the invoice PDF has no body");
  return Buffer.from(await object.Body.transformToByteArray());
}
