import type { NextConfig } from "next";
import { securityHeaders } from "./lib/server/content-security-policy";

// `npm run bench` builds with STREAMCHAT_BENCH=1: then, and only then, `route.bench.ts`
// (App Router) and `*.bench.mts` (Pages) files are routes too (the baselines it
// measures the relay against), and the build goes to its own directory so it
// never clobbers `.next`. The Pages ones end in `.mts` because any `*.ts` in
// pages/ is a route in every build.
const benchBuild = process.env.STREAMCHAT_BENCH === "1";

const nextConfig: NextConfig = {
  // Compression stays on for pages; the SSE route opts out with
  // `Cache-Control: no-transform`, which Next's compression honours.
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run dev` serves http://127.0.0.1:3000 too, but Next 16 counts that as another origin than localhost and
  // blocks its requests for development resources: the page there never hydrated (Send stayed disabled). Loopback
  // only; production builds do not read it.
  allowedDevOrigins: ["127.0.0.1"],
  // A self-contained server in .next/standalone, for containers and VMs (README, "Deploy").
  output: "standalone",
  // Turbopack's production chunker (16.3+, experimental) splits a page's own code by where else it is
  // used, and by default leaves chunks down to 50 kB apart: `/` came as 8 scripts, its own code in two or
  // three, each gzipped apart. Merged, / is 6 scripts and some 400 bytes less gzipped (149,645 -> 149,237),
  // /compare 7 and 330 less; the chunks loaded later (markdown, highlighting, formulas, the dialogs) stay apart.
  experimental: { turbopackChunking: { minChunkSize: 200_000 } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  ...(benchBuild ? { distDir: ".next-bench", pageExtensions: ["tsx", "ts", "jsx", "js", "bench.ts", "bench.mts"] } : {}),
  // `npm run bench -- --trace`: source maps name the page's own functions in its Chromium traces.
  ...(benchBuild && process.env.STREAMCHAT_BROWSER_SOURCE_MAPS === "1" ? { productionBrowserSourceMaps: true } : {}),
};

export default nextConfig;
