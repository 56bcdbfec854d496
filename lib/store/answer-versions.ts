import type { AnswerVersion, ChatData, Message } from "@/lib/store/chat-types";

/** What only the message has, not each of its versions: who it is, which is shown, how to resume it (a version has ended). */
const messageOnly = ["id", "role", "versions", "version", "branches", "branch", "answerId", "lastEventId", "reconnecting", "continuation"] as const satisfies ReadonlyArray<keyof Message>;

/** Every version of an answer, in the order they were written, the one shown among them. */
export function versionsOf(message: Message): AnswerVersion[] {
  const shown: Partial<Message> = { ...message };
  for (const key of messageOnly) delete shown[key];
  const versions = message.versions ?? [];
  const at = message.version ?? versions.length;
  return [...versions.slice(0, at), shown as AnswerVersion, ...versions.slice(at)];
}

/**
 * `message` showing its version `index` instead: that version's fields only
 * (nothing of the one shown until now, such as an error or a reasoning the
 * chosen one has not), the others kept in order. Undefined when there is no
 * such version, or it is the one shown.
 */
export function versionShown(message: Message, index: number): Message | undefined {
  const all = versionsOf(message);
  const chosen = all[index];
  if (chosen === undefined || index === (message.version ?? all.length - 1)) return undefined;
  return { id: message.id, role: message.role, ...chosen, versions: all.filter((_, position) => position !== index), version: index };
}

/** The messages with answer `messageId` showing its version `index` (`ChatState.showVersion`); nothing changes when it cannot. */
export function withVersionShown(state: Pick<ChatData, "messages">, messageId: string, index: number): Partial<ChatData> {
  const message = state.messages[messageId];
  const shown = message && versionShown(message, index);
  return shown ? { messages: { ...state.messages, [messageId]: shown } } : {};
}
