import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the AWS SDK are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["pg"],
  poweredByHeader: false,
};

export default nextConfig;
