import { cp } from "node:fs/promises";

/**
 * Puts `public/` and `.next/static` beside `.next/standalone/server.js`, as
 * Next's docs say to: the standalone server serves them from there. Runs
 * after `npm run build` (postbuild), so `npm start` works at once.
 */
export async function copyStandaloneAssets(standalone = ".next/standalone"): Promise<void> {
  await cp("public", `${standalone}/public`, { recursive: true });
  await cp(".next/static", `${standalone}/.next/static`, { recursive: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await copyStandaloneAssets();
