import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // pg and the AWS SDK are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
};

export default nextConfig;
