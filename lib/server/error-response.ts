import { ChatError } from "@/lib/server/chat-error";

/** The protocol's error body for anything a route threw; a fault of ours is `internal`, logged by name only. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ChatError) return error.toResponse();
  const name = error instanceof Error ? error.name : typeof error;
  process.stderr.write(`${JSON.stringify({ event: "chat.internal_error", error: name })}\n`);
  return new ChatError("internal", "Something went wrong on this server. Try again.").toResponse();
}

export function methodNotAllowed(allowed: readonly string[]): Response {
  return new ChatError("method_not_allowed", `Use ${allowed.join(" or ")} here.`).toResponse({ Allow: allowed.join(", ") });
}
