/**
 * Why REDIS_URL cannot be used, or undefined when it can (or is unset). A
 * value with a scheme must be a redis:// or rediss:// URL: ioredis throws
 * on one that does not parse, which would fail every request, the page's
 * too, and takes another scheme for a host name, which would leave the app
 * waiting for a Redis that is not there. A value without a scheme
 * (`localhost:6379`) is ioredis's host and port, as before. The message
 * never repeats the value: it may hold a password.
 */
export function redisUrlProblem(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || !text.includes("://")) return undefined;
  const example = "e.g. redis://localhost:6379, or rediss://default:password@host:6380 for TLS";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `REDIS_URL is not a URL that can be read (${example}).`;
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") {
    return `REDIS_URL must begin with redis:// or rediss://, not ${url.protocol}// (${example}).`;
  }
  return undefined;
}
