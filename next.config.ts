import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Compression stays on for pages; the SSE route opts out with
  // `Cache-Control: no-transform`, which Next's compression honours.
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
