import type { NextConfig } from "next";
import { securityHeaders } from "./lib/server/content-security-policy";

const nextConfig: NextConfig = {
  // Compression stays on for pages; the SSE route opts out with
  // `Cache-Control: no-transform`, which Next's compression honours.
  poweredByHeader: false,
  reactStrictMode: true,
  // A self-contained server in .next/standalone, for containers and VMs (README, "Deploy").
  output: "standalone",
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
