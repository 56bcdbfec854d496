import { gzipSync } from "node:zlib";

export interface BundleFigures {
  files: Array<{ path: string; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
}

/**
 * First-load JS of a page: every script its HTML loads (Next's App Router
 * lists each chunk the page needs before it is interactive as a
 * `<script src>`), fetched from the running server and gzipped at
 * level 9, as Next's own size figures were. Chunks loaded later on demand
 * (`import()`, e.g. code highlighting) are not counted: that is the point of
 * loading them lazily.
 */
export async function measureFirstLoadJs(origin: string, path = "/"): Promise<BundleFigures> {
  const html = await (await fetch(new URL(path, origin))).text();
  // `noModule` scripts (Next's polyfills) are skipped by every browser that runs modules, so by every browser the page supports.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+\.js[^"]*)"/.exec(tag)?.[1] ?? []).map((source) => source.replaceAll("&amp;", "&")))];
  const files = await Promise.all(
    sources.map(async (source) => {
      const response = await fetch(new URL(source, origin));
      if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { path: source, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    }),
  );
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}
