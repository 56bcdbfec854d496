/**
 * Runs once when the server starts (Next's instrumentation hook), before any
 * request. The work is Node's only (lib/server/start-server.ts); this file is
 * also compiled for the Edge runtime, where it does nothing.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("@/lib/server/start-server");
    startServer();
  }
}
