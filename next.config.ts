import type { NextConfig } from "next";
import { securityHeaders } from "./lib/server/content-security-policy";

// `npm run bench` builds with STREAMCHAT_BENCH=1: then, and only then, `*.bench.ts`
// files are routes too (the naive baseline it measures the relay against), and
// the build goes to its own directory so it never clobbers `.next`.
const benchBuild = process.env.STREAMCHAT_BENCH === "1";

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
  ...(benchBuild ? { distDir: ".next-bench", pageExtensions: ["tsx", "ts", "jsx", "js", "bench.ts"] } : {}),
  // `npm run bench -- --trace`: source maps name the page's own functions in its Chromium traces.
  ...(benchBuild && process.env.STREAMCHAT_BROWSER_SOURCE_MAPS === "1" ? { productionBrowserSourceMaps: true } : {}),
};

export default nextConfig;
