import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // .next/standalone: the server with only the node_modules it needs — what the image runs
  // (scripts/build-server.mjs adds the portal server and the commands, bundled, next to it).
  output: "standalone",
  // Node libraries that load their own files or native bits at run time: kept out of the server
  // bundle and traced into .next/standalone as they are (pg; pg-boss, the job engine; nodemailer;
  // pdfkit, which loads its standard fonts through createRequire and package subpath imports).
  serverExternalPackages: ["pg", "pg-boss", "nodemailer", "pdfkit"],
  poweredByHeader: false,
};

export default nextConfig;
