import { Admission } from "@/lib/server/admission";
import { serverConfig, type ServerConfig } from "@/lib/server/server-config";

interface ChatServer {
  config: ServerConfig;
  admission: Admission;
}

let instance: ChatServer | undefined;

/** What lives as long as the server process: its configuration and its admission counters. */
export function chatServer(): ChatServer {
  if (!instance) {
    const config = serverConfig();
    instance = { config, admission: new Admission(config) };
  }
  return instance;
}
