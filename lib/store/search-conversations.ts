import { withImagesNamed } from "@/lib/chat/image-scheme";
import type { Conversation, Message } from "@/lib/store/chat-types";

/** Latin diacritics (as NFKD splits them off): "café" is found by "cafe". Not the kana voicing marks: が is not か. */
const latinMarks = /[\u0300-\u036f]/g;

/**
 * Text as a search compares it: compatibility forms folded (full-width
 * "ＡＢＣ" and half-width "ｶﾀｶﾅ" are "abc" and "カタカナ"), Latin accents
 * dropped, lower case.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(latinMarks, "").normalize("NFKC").toLowerCase();
}

/** A piece of a message around what was found, to show under the conversation's title. */
export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/** An excerpt of one of the conversation's messages. */
export interface MessageExcerpt extends Excerpt {
  messageId: string;
}

export interface ConversationHit {
  id: string;
  /** Where a message matched; none when the title holds every word. */
  excerpt?: MessageExcerpt;
}

// Folding a long answer costs about a millisecond; a message object is replaced whenever its text changes.
const searchedContent = new WeakMap<Message, { text: string; folded: string }>();

/** A message's text as it is searched (a question's images by name, not by their addresses), and folded. */
function searchedOf(message: Message): { text: string; folded: string } {
  let searched = searchedContent.get(message);
  if (searched === undefined) {
    const text = message.role === "user" ? withImagesNamed(message.content) : message.content;
    searched = { text, folded: foldForSearch(text) };
    searchedContent.set(message, searched);
  }
  return searched;
}

/**
 * The conversations (in the order of `ids`) whose title or messages hold
 * every word of `query`, each word anywhere; a word is a run of characters
 * between spaces, so a Japanese or Chinese query is one phrase. An empty
 * query finds nothing.
 */
export function searchConversations(
  query: string,
  ids: readonly string[],
  conversations: Readonly<Record<string, Conversation>>,
  messages: Readonly<Record<string, Message>>,
): ConversationHit[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: ConversationHit[] = [];
  for (const id of ids) {
    const conversation = conversations[id];
    if (!conversation) continue;
    const title = foldForSearch(conversation.title);
    const written = conversation.messageIds.map((messageId) => messages[messageId]).filter((message): message is Message => message !== undefined);
    let excerpt: MessageExcerpt | undefined;
    const everyWord = words.every((word) => {
      if (title.includes(word)) return true;
      for (const message of written) {
        const { text, folded } = searchedOf(message);
        const at = folded.indexOf(word);
        if (at < 0) continue;
        excerpt ??= { ...excerptAt(text, folded, at, at + word.length), messageId: message.id };
        return true;
      }
      return false;
    });
    if (everyWord) hits.push(excerpt ? { id, excerpt } : { id });
  }
  return hits;
}

const charactersBefore = 20;
const charactersAfter = 60;

// A word cut in two at either end of an excerpt is left out; a longer run without spaces (Japanese, Chinese) is cut anywhere.
const cutWordAtStart = /^\S{1,20}\s/;
const cutWordAtEnd = /\s\S{1,20}$/;

/** Markdown's marks, which an excerpt shows as the text they mark: headings, emphasis, code, quotes, list bullets. */
const markdownMarks = /(^|\n)\s*(?:#{1,6}|>|[-*+]|\d+\.)\s+|\*\*|__|`+/g;

/**
 * The text around `start..end` of `folded` (the folded `text`): cut at both
 * ends (between words where there are spaces), without Markdown's marks, its
 * spaces and line breaks made single spaces.
 */
export function excerptAt(text: string, folded: string, start: number, end: number): Excerpt {
  const [from, to] = originalRange(text, folded, start, end);
  let before = text.slice(whole(text, Math.max(0, from - charactersBefore)), from);
  let after = text.slice(to, whole(text, Math.min(text.length, to + charactersAfter)));
  const cutBefore = before.length < from;
  const cutAfter = to + after.length < text.length;
  if (cutBefore && !/\s/.test(text[from - before.length - 1] ?? "")) before = before.replace(cutWordAtStart, "");
  if (cutAfter && !/\s/.test(text[to + after.length] ?? "")) after = after.replace(cutWordAtEnd, "");
  const plain = (part: string) => part.replace(markdownMarks, "$1").replace(/\s+/g, " ");
  return {
    before: (cutBefore ? "…" : "") + plain(before).trimStart(),
    match: plain(text.slice(from, to)),
    after: plain(after).trimEnd() + (cutAfter ? "…" : ""),
  };
}

/** `index`, moved back off the second half of a surrogate pair (an emoji is never cut in two). */
function whole(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * Where `start..end` of the folded text lies in the original. Folding keeps
 * the length of nearly every text (accented letters, CJK, Hangul): then it is
 * the same range. Otherwise each character is folded alone and counted, as far
 * as the match; close enough for an excerpt where a folded sequence differs.
 */
function originalRange(text: string, folded: string, start: number, end: number): [number, number] {
  if (folded.length === text.length) return [start, end];
  let foldedAt = 0;
  let index = 0;
  let from: number | undefined;
  for (const character of text) {
    if (from === undefined && foldedAt >= start) from = index;
    if (foldedAt >= end) return [from ?? index, index];
    foldedAt += foldForSearch(character).length;
    index += character.length;
  }
  return [from ?? text.length, text.length];
}
