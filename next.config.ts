import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // .next/standalone: the server with only the node_modules it needs — what the image runs
  // (scripts/build-server.mjs adds the portal server and the commands, bundled, next to it).
  output: "standalone",
  // pg and the AWS SDK are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["pg"],
  poweredByHeader: false,
};

export default nextConfig;
