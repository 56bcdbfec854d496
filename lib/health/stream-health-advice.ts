import type { CheckId } from "@/lib/health/analyze-stream-health";

export type Platform = "nginx" | "Cloudflare" | "Vercel";

/**
 * What to change, where, when a check fails: the setting or header, for the
 * places a deployment of this app usually sits behind. `code` spans are in
 * backticks.
 */
export const streamHealthAdvice: Partial<Record<CheckId, Record<Platform, string>>> = {
  response: {
    nginx: "Check that the `location` for `/api/` does `proxy_pass` to the app and that no `error_page` or `auth_request` answers in its place.",
    Cloudflare: "A challenge page (Bot Fight Mode, Under Attack mode, a WAF rule) or a Cache Rule can answer instead of the app: skip them for `/api/*`.",
    Vercel: "Deployment Protection answers with a login page: test on a URL you can reach, or add a bypass. A 404 means this deployment predates `/api/health/stream`.",
  },
  compression: {
    nginx: "Turn compression off for the stream: `gzip off;` (and `brotli off;`) in the `location` for `/api/`, or leave `text/event-stream` out of `gzip_types`.",
    Cloudflare: "Cloudflare leaves a response with `Cache-Control: no-transform` uncompressed; if a Compression Rule or a Worker compresses `/api/*`, exclude `text/event-stream`.",
    Vercel: "Next.js and Vercel skip compression when the response says `Cache-Control: no-transform`; check that a middleware or `next.config` `headers()` does not overwrite it.",
  },
  no_transform: {
    nginx: "Keep the app's header: no `proxy_hide_header Cache-Control;` and no `add_header Cache-Control` that replaces it for `/api/`.",
    Cloudflare: "A Transform Rule or a Worker that sets `Cache-Control` must keep `no-cache, no-transform` on `text/event-stream` responses.",
    Vercel: "`headers()` in `next.config` or `vercel.json` must not set another `Cache-Control` on `/api/`.",
  },
  buffering: {
    nginx: "Put `proxy_buffering off;` (and `proxy_cache off;`) in the `location` that proxies the app, with `proxy_http_version 1.1;`. The app sends `X-Accel-Buffering: no`, which does the same unless `proxy_ignore_headers X-Accel-Buffering` is set.",
    Cloudflare: "Cloudflare passes `text/event-stream` through as it comes unless Response Buffering (Enterprise) is on, a Cache Rule caches `/api/*`, or a Worker reads the whole body (`await response.text()`): return `response.body` instead.",
    Vercel: "Route Handlers stream on Vercel; a Pages Router API route (`pages/api`) or code that awaits the whole body does not. Keep `export const dynamic = \"force-dynamic\"` on the route.",
  },
  heartbeats: {
    nginx: "nginx passes comments on; a `sub_filter`, Lua or njs body filter on `/api/` may not: remove it there.",
    Cloudflare: "A Worker that parses and re-writes events must forward comment lines (`: ping`); without them Cloudflare closes a connection that is quiet for 100 s (error 524).",
    Vercel: "Vercel passes comments on; a middleware or proxy that rewrites the body may not.",
  },
  stall: {
    nginx: "A long silence with no buffering usually comes from the network or an overloaded server; check `proxy_read_timeout` is longer than the answers you expect.",
    Cloudflare: "Cloudflare closes a connection that sends nothing for 100 s: the app's heartbeat every 15 s prevents it, if nothing strips it.",
    Vercel: "A cold start delays the first byte only; a silence in the middle points at the function's region or load.",
  },
  done: {
    nginx: "Raise `proxy_read_timeout` (default 60 s) and `proxy_send_timeout` for `/api/`; an early close can also be `proxy_max_temp_file_size` or a `limit_rate`.",
    Cloudflare: "Responses that send nothing for 100 s end in error 524; a Worker's CPU or duration limit can cut the stream too.",
    Vercel: "The function's `maxDuration` ends a long answer: raise it (`export const maxDuration = 300` in the route, or in `vercel.json`).",
  },
  utf8: {
    nginx: "Remove `charset`, `source_charset` or `sub_filter` from the `location` for `/api/`: they re-encode the body.",
    Cloudflare: "A Worker that decodes chunks with `new TextDecoder().decode(chunk)` cuts characters in two: use `decode(chunk, { stream: true })` or `TextDecoderStream`.",
    Vercel: "A middleware that rewrites the body must decode in streaming mode (`TextDecoderStream`); keep `charset=utf-8` in Content-Type.",
  },
};
