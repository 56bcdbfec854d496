import { Admission } from "@/lib/server/admission";
import { serverConfig, type ServerConfig } from "@/lib/server/server-config";
import { sharedStateFrom, type SharedState } from "@/lib/shared-state/shared-state";

interface ChatServer {
  config: ServerConfig;
  admission: Admission;
  /** Counters, cancels and resumable answers (Redis when REDIS_URL is set), and Redis's health. */
  shared: SharedState;
}

let instance: ChatServer | undefined;

/** What lives as long as the server process: its configuration, its counters and its connection to Redis. */
export function chatServer(): ChatServer {
  if (!instance) {
    const config = serverConfig();
    const shared = sharedStateFrom(process.env, { resumeTtlMs: config.resumeTtlMs });
    instance = { config, admission: new Admission(config, shared.counters), shared };
  }
  return instance;
}
