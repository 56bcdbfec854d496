import { defaultMaxBodyBytes } from "@/lib/chat/request-limits";

type Environment = Record<string, string | undefined>;

export interface ServerConfig {
  maxBodyBytes: number;
  maxConcurrent: number;
  rateLimitPerMinute: number;
  heartbeatMs: number;
  firstTokenTimeoutMs: number;
  idleTimeoutMs: number;
  /** A non-streaming answer arrives whole, so it gets one longer limit. */
  completionTimeoutMs: number;
  /** How long a resumable answer outlives its client, waiting for one to re-attach (CHAT_RESUME_GRACE_S). */
  resumeGraceMs: number;
  /** How long an ended resumable answer's events stay (CHAT_RESUME_TTL_S). */
  resumeTtlMs: number;
  access: AccessConfig;
}

/** Who may use the API (shared/PROTOCOL.md, "Additions in v1.1"). */
export interface AccessConfig {
  /** Empty: no access control. */
  codes: string[];
  sessionSecret: string | undefined;
  /** Origins besides the app's own that a browser may call the API from, without a trailing slash. */
  allowedOrigins: string[];
  /** Take the client's address and the app's own origin from the proxy's forwarded headers. */
  trustProxy: boolean;
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function accessConfigFrom(environment: Environment): AccessConfig {
  const trustProxy = environment.CHAT_TRUST_PROXY?.trim();
  return {
    codes: list(environment.CHAT_ACCESS_CODES),
    sessionSecret: environment.CHAT_SESSION_SECRET?.trim() || undefined,
    allowedOrigins: list(environment.CHAT_ALLOWED_ORIGINS).map((origin) => origin.replace(/\/+$/, "")),
    // On Vercel the platform sets X-Forwarded-For itself, and a client cannot forge it there.
    trustProxy: trustProxy ? trustProxy === "1" || trustProxy === "true" : environment.VERCEL === "1",
  };
}

/** Why the server must not start with this configuration, said for the person deploying it; undefined when it may. */
export function configurationProblem(config: ServerConfig): string | undefined {
  const { codes, sessionSecret } = config.access;
  if (codes.length > 0 && !sessionSecret) {
    return "CHAT_ACCESS_CODES is set but CHAT_SESSION_SECRET is not: the session cookies could not be signed. Set CHAT_SESSION_SECRET to a long random string (e.g. `openssl rand -base64 32`).";
  }
  if (sessionSecret !== undefined && sessionSecret.length < 16) {
    return "CHAT_SESSION_SECRET is too short to sign session cookies safely: use at least 16 characters (e.g. `openssl rand -base64 32`).";
  }
  return undefined;
}

function integer(value: string | undefined, fallback: number, minimum: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= minimum ? number : fallback;
}

/**
 * What Vercel's platform takes of a function's request body ("4.5 MB", read
 * as decimal to be safe): a larger CHAT_MAX_BODY_BYTES could not be met
 * there, and the page, told the limit (`GET /api/models`), would send
 * requests the platform refuses before they reach the route.
 */
export const vercelMaxBodyBytes = 4_500_000;

/** Reads the server's limits from the environment (shared/PROTOCOL.md, "Configuration"). */
export function serverConfigFrom(environment: Environment): ServerConfig {
  const maxBodyBytes = integer(environment.CHAT_MAX_BODY_BYTES, defaultMaxBodyBytes, 1);
  return {
    maxBodyBytes: environment.VERCEL === "1" ? Math.min(maxBodyBytes, vercelMaxBodyBytes) : maxBodyBytes,
    maxConcurrent: integer(environment.CHAT_MAX_CONCURRENT, 256, 1),
    rateLimitPerMinute: integer(environment.CHAT_RATE_LIMIT, 30, 0),
    heartbeatMs: integer(environment.CHAT_HEARTBEAT_MS, 15_000, 1),
    firstTokenTimeoutMs: integer(environment.CHAT_FIRST_TOKEN_TIMEOUT_MS, 60_000, 1),
    idleTimeoutMs: integer(environment.CHAT_IDLE_TIMEOUT_MS, 30_000, 1),
    completionTimeoutMs: integer(environment.CHAT_COMPLETION_TIMEOUT_MS, 300_000, 1),
    resumeGraceMs: integer(environment.CHAT_RESUME_GRACE_S, 30, 0) * 1000,
    resumeTtlMs: integer(environment.CHAT_RESUME_TTL_S, 600, 1) * 1000,
    access: accessConfigFrom(environment),
  };
}

let cached: ServerConfig | undefined;

/** The running server's configuration, read once. */
export function serverConfig(): ServerConfig {
  cached ??= serverConfigFrom(process.env);
  return cached;
}
