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
}

function integer(value: string | undefined, fallback: number, minimum: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= minimum ? number : fallback;
}

/** Reads the server's limits from the environment (shared/PROTOCOL.md, "Configuration"). */
export function serverConfigFrom(environment: Environment): ServerConfig {
  return {
    maxBodyBytes: integer(environment.CHAT_MAX_BODY_BYTES, 1_048_576, 1),
    maxConcurrent: integer(environment.CHAT_MAX_CONCURRENT, 256, 1),
    rateLimitPerMinute: integer(environment.CHAT_RATE_LIMIT, 30, 0),
    heartbeatMs: integer(environment.CHAT_HEARTBEAT_MS, 15_000, 1),
    firstTokenTimeoutMs: integer(environment.CHAT_FIRST_TOKEN_TIMEOUT_MS, 60_000, 1),
    idleTimeoutMs: integer(environment.CHAT_IDLE_TIMEOUT_MS, 30_000, 1),
    completionTimeoutMs: integer(environment.CHAT_COMPLETION_TIMEOUT_MS, 300_000, 1),
  };
}

let cached: ServerConfig | undefined;

/** The running server's configuration, read once. */
export function serverConfig(): ServerConfig {
  cached ??= serverConfigFrom(process.env);
  return cached;
}
