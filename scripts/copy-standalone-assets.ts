import { existsSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";

/**
 * Puts `public/` and the build's `static/` beside `standalone/server.js`, as
 * Next's docs say to: the standalone server serves them from there. Runs
 * after `npm run build` (postbuild), so `npm start` works at once; the
 * benchmark runs it for its own build (`distDir` `.next-bench`).
 */
export async function copyStandaloneAssets(distDir = ".next", root = process.cwd()): Promise<void> {
  const standalone = path.join(root, distDir, "standalone");
  // public/ holds the app's PNG icons; a project without any file there has none (git keeps no empty folder).
  if (existsSync(path.join(root, "public"))) await cp(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  await cp(path.join(root, distDir, "static"), path.join(standalone, distDir, "static"), { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await copyStandaloneAssets();
