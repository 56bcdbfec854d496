import { shareFragmentPrefix } from "@/lib/chat/share-fragment";
import { invalid, readArray, readMember, readObject, readOptional, readString } from "@/lib/validation/readers";

/*
 * A conversation shared as a link, with no server to keep it: the link's
 * fragment (`/#share=…`, which browsers never send to a server) carries the
 * conversation as shown, its text compressed (deflate, the browser's own
 * CompressionStream) and written in base64url. Whoever opens the link gets a
 * copy in their own browser. Nothing is stored anywhere else, and nothing
 * can be taken back either: the page says so when it copies the link.
 */

export interface SharedMessage {
  role: "user" | "assistant";
  content: string;
  /** A reasoning model's reasoning, shown folded above the answer. */
  reasoning?: string;
  /** The model that wrote the answer. */
  model?: string;
  /** An answer that ended early (stopped, broken off) or was still being written when shared: it opens as stopped, to be continued. */
  stopped?: true;
}

export interface SharedConversation {
  title: string;
  messages: SharedMessage[];
}

/** The format's version: a later one can be told apart and read differently. */
const version = 1;

/**
 * The longest link made, in characters: chat apps, mail and browsers' own
 * address bars take links of this size, and 64,000 characters hold some
 * 100,000 characters of a conversation's text once compressed.
 */
export const longestShareLink = 64_000;

/** What opening a link will read at most, once decompressed: a small link may inflate to far more, and it is not trusted. */
const mostSharedBytes = 4_000_000;

const readSharedMessage = readObject<SharedMessage>({
  role: readMember({ user: true, assistant: true }),
  content: readString,
  reasoning: readOptional(readString),
  model: readOptional(readString),
  stopped: readOptional((value) => (value === true ? true : invalid)),
});

const readShared = readObject<SharedConversation & { version: number }>({
  version: (value) => (value === version ? version : invalid),
  title: readString,
  messages: readArray(readSharedMessage),
});

async function bytesThrough(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream, mostBytes = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > mostBytes) {
      await reader.cancel();
      throw new RangeError("too large");
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** The link's fragment (`#share=…`) for a conversation. */
export async function shareFragment(shared: SharedConversation): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ version, ...shared }));
  return shareFragmentPrefix + toBase64Url(await bytesThrough(json, new CompressionStream("deflate-raw")));
}

/** The conversation a link's fragment carries; undefined when it carries none that can be read (cut short, altered, too large). */
export async function readShareFragment(fragment: string): Promise<SharedConversation | undefined> {
  if (!fragment.startsWith(shareFragmentPrefix)) return undefined;
  try {
    const bytes = await bytesThrough(fromBase64Url(fragment.slice(shareFragmentPrefix.length)), new DecompressionStream("deflate-raw"), mostSharedBytes);
    const read = readShared(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)));
    if (read === invalid || read.messages.length === 0) return undefined;
    return { title: read.title, messages: read.messages };
  } catch {
    return undefined;
  }
}
