import { Admission } from "@/lib/server/admission";
import { serverConfig, type ServerConfig } from "@/lib/server/server-config";
import { sharedStateFrom, type SharedState } from "@/lib/shared-state/shared-state";

interface ChatServer {
  config: ServerConfig;
  admission: Admission;
  /** Counters, cancels and resumable answers (Redis when REDIS_URL is set), and Redis's health. */
  shared: SharedState;
}

/**
 * Where the one instance lives. In Next, on globalThis: the Pages API route
 * (/api/chat) and the App Router's routes are separate bundles, each with its
 * own copy of this module, and a cancel, a resume or a rate limit must find
 * the same answers and counters whichever route it reaches. Elsewhere (unit
 * tests, which make several servers in one process by importing the modules
 * again after `vi.resetModules()`), each copy of the module keeps its own.
 */
const holder: { streamchatChatServer?: ChatServer } = process.env.NEXT_RUNTIME ? (globalThis as { streamchatChatServer?: ChatServer }) : {};

/** What lives as long as the server process: its configuration, its counters and its connection to Redis. */
export function chatServer(): ChatServer {
  if (!holder.streamchatChatServer) {
    const config = serverConfig();
    const shared = sharedStateFrom(process.env, { resumeTtlMs: config.resumeTtlMs });
    holder.streamchatChatServer = { config, admission: new Admission(config, shared.counters), shared };
  }
  return holder.streamchatChatServer;
}
