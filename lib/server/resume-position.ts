import { ChatError } from "@/lib/server/chat-error";

/**
 * Where a resume starts (protocol v1.1): after the event named by the
 * standard `Last-Event-ID` header, or else by `?after=N`; the header wins
 * when both are given. Neither: -1, from the first event. Anything but a
 * whole number from -1 up is a 400 that names the field.
 */
export function resumePosition(request: Request): number {
  const header = request.headers.get("last-event-id");
  const query = new URL(request.url).searchParams.get("after");
  const [field, value] = header !== null ? ["Last-Event-ID", header] : ["after", query];
  if (value === null || value.trim() === "") return -1;
  if (!/^\s*-?\d{1,15}\s*$/.test(value) || Number(value) < -1) {
    throw new ChatError("invalid_request", `${field}: the id of the last event received, a whole number (0, 1, 2, ...)`);
  }
  return Number(value);
}
