import type { AnswerVersion, Message } from "@/lib/store/chat-types";

/** What only the message has, not each of its versions: who it is, which is shown, how to resume it (a version has ended). */
const messageOnly = ["id", "role", "versions", "version", "branches", "branch", "answerId", "lastEventId", "reconnecting"] as const satisfies ReadonlyArray<keyof Message>;

/** Every version of an answer, in the order they were written, the one shown among them. */
export function versionsOf(message: Message): AnswerVersion[] {
  const shown: Partial<Message> = { ...message };
  for (const key of messageOnly) delete shown[key];
  const versions = message.versions ?? [];
  const at = message.version ?? versions.length;
  return [...versions.slice(0, at), shown as AnswerVersion, ...versions.slice(at)];
}

/**
 * The change that shows version `index` of `message`: every field of the
 * version shown until now cleared (an error, a reasoning the other has not),
 * then the chosen one's, and the others kept in order. Undefined when there
 * is no such version, or it is the one shown.
 */
export function versionShown(message: Message, index: number): Partial<Message> | undefined {
  const all = versionsOf(message);
  const chosen = all[index];
  if (chosen === undefined || index === (message.version ?? all.length - 1)) return undefined;
  const cleared = Object.fromEntries(Object.keys(message).map((key) => [key, undefined]));
  return { ...cleared, id: message.id, role: message.role, ...chosen, versions: all.filter((_, position) => position !== index), version: index };
}
