import { withImagesNamed } from "@/lib/chat/image-scheme";
import type { Conversation, Message } from "@/lib/store/chat-types";

/** The words of a saved conversation, in the reader's language. */
export interface MarkdownLabels {
  untitled: string;
  you: string;
  assistant: string;
  systemPrompt: string;
  stopped: string;
  reasoning: string;
}

/**
 * A conversation as a Markdown file: its title, its system prompt when it
 * has one, then each message under a heading that says who wrote it (and
 * which model answered). Answers are Markdown already and go in as written,
 * a reasoning model's reasoning before its answer, folded (`<details>`, as
 * GitHub and most Markdown viewers fold it); a stopped answer says so, a
 * failed one gives its error after the text that came.
 */
export function conversationMarkdown(conversation: Conversation, messages: Readonly<Record<string, Message>>, labels: MarkdownLabels): string {
  const parts = [`# ${conversation.title || labels.untitled}`];
  const systemPrompt = conversation.settings.systemPrompt.trim();
  if (systemPrompt) parts.push(`> **${labels.systemPrompt}:** ${systemPrompt.replace(/\n/g, "\n> ")}`);
  for (const id of conversation.messageIds) {
    const message = messages[id];
    if (!message) continue;
    const user = message.role === "user";
    parts.push(user ? `### ${labels.you}` : `### ${labels.assistant}${message.model ? ` · ${message.model}` : ""}`);
    if (message.reasoning) parts.push(`<details>\n<summary>${labels.reasoning}</summary>\n\n${message.reasoning.trim()}\n\n</details>`);
    // An image a question refers to is kept in this browser only: the file names it.
    if (message.content) parts.push((user ? withImagesNamed(message.content) : message.content).trimEnd());
    if (message.status === "stopped") parts.push(`*${labels.stopped}*`);
    if (message.error) parts.push(`*${message.error.message}*`);
  }
  return `${parts.join("\n\n")}\n`;
}

/** A file name from the title: no characters a file system refuses, not too long, never empty. */
export function markdownFileName(title: string, untitled: string): string {
  const name = title
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return `${[...(name || untitled)].slice(0, 80).join("").trimEnd()}.md`;
}
