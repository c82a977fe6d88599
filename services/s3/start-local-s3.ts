/**
 * A local S3 that behaves like the real one where it matters to us: s3rver stores the
 * objects, the verifying proxy in front of it refuses anything not signed by our key.
 */
import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import S3rver from "s3rver";
import { corsConfigurationXml } from "./cors";
import { createVerifyingProxy } from "./verifying-proxy";

export interface LocalS3Options {
  /** Port of the proxy (the endpoint); 0 picks a free one. */
  port?: number;
  /** Interface the proxy listens on; the endpoint URL uses it too. */
  host?: string;
  dataDir: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Page origins allowed to PUT/GET directly from the browser. */
  allowedOrigins: string[];
}

export interface LocalS3 {
  /** The proxy's URL — what S3_ENDPOINT should be. */
  endpoint: string;
  stop: () => Promise<void>;
}

const listen = (server: Server, port: number, host: string) =>
  new Promise<AddressInfo>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const host = options.host ?? "127.0.0.1";
  // Separate folders: s3rver treats every directory in its root as a bucket.
  const bucketsDir = path.join(options.dataDir, "buckets");
  const spoolDir = path.join(options.dataDir, "incoming");
  await Promise.all([mkdir(bucketsDir, { recursive: true }), mkdir(spoolDir, { recursive: true })]);

  const cors = { allowedOrigins: options.allowedOrigins };
  const s3rver = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: bucketsDir,
    vhostBuckets: false,
    configureBuckets: [
      { name: options.bucket, configs: cors.allowedOrigins.length ? [corsConfigurationXml(cors)] : [] },
    ],
  });
  const upstream = await s3rver.run();

  const proxy = createVerifyingProxy({
    identity: {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      region: options.region,
    },
    cors,
    upstream: { host: "127.0.0.1", port: upstream.port },
    spoolDir,
    s3rverDirectory: bucketsDir,
  });
  let address: AddressInfo;
  try {
    address = await listen(proxy, options.port ?? 0, host);
  } catch (error) {
    await s3rver.close();
    throw error;
  }
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    endpoint: `http://${urlHost}:${address.port}`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
      // The proxy's idle keep-alive sockets would otherwise hold s3rver's close for seconds.
      const closing = s3rver.close();
      s3rver.httpServer?.closeAllConnections();
      await closing;
    },
  };
}
