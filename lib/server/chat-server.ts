import { Admission } from "@/lib/server/admission";
import { FixedWindowCounter } from "@/lib/server/fixed-window-counter";
import { serverConfig, type ServerConfig } from "@/lib/server/server-config";

interface ChatServer {
  config: ServerConfig;
  admission: Admission;
  /** Wrong access codes per client address, by `POST /api/session` and by Bearer alike. */
  wrongCodes: FixedWindowCounter;
}

let instance: ChatServer | undefined;

/** What lives as long as the server process: its configuration and its counters. */
export function chatServer(): ChatServer {
  if (!instance) {
    const config = serverConfig();
    instance = { config, admission: new Admission(config), wrongCodes: new FixedWindowCounter() };
  }
  return instance;
}

