import type { ChatEvent, ChatEventOf, ChatEventType, Usage } from "@/lib/chat/events";
import { type Reader, invalid, readBoolean, readCount, readNumber, readObject, readOptional, readString } from "@/lib/validation/readers";

/** The plain `data: [DONE]` line that always ends a stream. */
export const doneSentinel = "[DONE]";

export const readUsage = readObject<Usage>({ prompt_tokens: readCount, completion_tokens: readCount, total_tokens: readCount });

type EventFields<T extends ChatEventType> = Omit<ChatEventOf<T>, "type">;

/** Each event's fields, as `chatEventSchema` (lib/chat/events.ts) checks them: the tests hold the two to the same answers. */
const eventReaders: { [Type in ChatEventType]: Reader<EventFields<Type>> } = {
  start: readObject<EventFields<"start">>({ id: readString, model: readString }),
  delta: readObject<EventFields<"delta">>({ content: readString }),
  reasoning: readObject<EventFields<"reasoning">>({ content: readString }),
  usage: readUsage,
  finish: readObject<EventFields<"finish">>({ finish_reason: readString }),
  error: readObject<EventFields<"error">>({
    code: readString,
    message: readString,
    retryable: readBoolean,
    retry_after: readOptional(readNumber(0)),
    reason: readOptional(readString),
  }),
};

/**
 * An SSE event of the protocol as the page reads it (the server writes and
 * checks them with zod, which the page does without: see
 * lib/validation/readers.ts): the event named `type` with its `data:` JSON
 * `fields`, or undefined for an event this page does not know or that is
 * malformed.
 */
export function readChatEvent(type: string | undefined, fields: unknown): ChatEvent | undefined {
  if (type === undefined || !Object.hasOwn(eventReaders, type)) return undefined;
  const read = eventReaders[type as ChatEventType] as Reader<object>;
  const checked = read(fields);
  return checked === invalid ? undefined : ({ type, ...checked } as ChatEvent);
}
