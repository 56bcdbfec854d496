import type { ChatData, Message, QuestionBranch } from "@/lib/store/chat-types";

type Data = Pick<ChatData, "conversations" | "messages">;

/** Every branch of a question, in the order they were written, the one shown among them (what follows it now). */
function branchesOf(state: Data, messageIds: readonly string[], index: number): QuestionBranch[] {
  const question = state.messages[messageIds[index] ?? ""] as Message;
  const following = messageIds.slice(index + 1).flatMap((id) => state.messages[id] ?? []);
  const branches = question.branches ?? [];
  const at = question.branch ?? branches.length;
  return [...branches.slice(0, at), { content: question.content, following }, ...branches.slice(at)];
}

/**
 * The question at `index` of the conversation shown as `branches[chosen]`:
 * its text, and the messages that followed it in that branch in place of
 * the ones there now, which are kept as a branch of their own.
 */
function withBranches(state: Data, conversationId: string, index: number, branches: QuestionBranch[], chosen: number): Partial<Data> {
  const conversation = state.conversations[conversationId];
  const question = conversation && state.messages[conversation.messageIds[index] ?? ""];
  const shown = branches[chosen];
  if (!conversation || !question || !shown) return {};
  const messages = { ...state.messages };
  for (const id of conversation.messageIds.slice(index + 1)) delete messages[id];
  for (const message of shown.following) messages[message.id] = message;
  messages[question.id] = { ...question, content: shown.content, branches: branches.filter((_, position) => position !== chosen), branch: chosen };
  const messageIds = [...conversation.messageIds.slice(0, index + 1), ...shown.following.map((message) => message.id)];
  return { messages, conversations: { ...state.conversations, [conversationId]: { ...conversation, messageIds } } };
}

/**
 * Edits the question at `index` to `text`: what followed it goes, kept with
 * the question as it was as an earlier branch, and the new text is the last
 * branch, with nothing after it yet (the answer comes next).
 */
export function withQuestionEdited(state: Data, conversationId: string, index: number, text: string): Partial<Data> {
  const conversation = state.conversations[conversationId];
  if (state.messages[conversation?.messageIds[index] ?? ""]?.role !== "user" || !conversation) return {};
  const branches = [...branchesOf(state, conversation.messageIds, index), { content: text, following: [] }];
  return withBranches(state, conversationId, index, branches, branches.length - 1);
}

/** Shows branch `chosen` of the question `messageId` in the conversation; nothing when there is no such branch, or it is shown. */
export function withBranchShown(state: Data, conversationId: string, messageId: string, chosen: number): Partial<Data> {
  const conversation = state.conversations[conversationId];
  const index = conversation?.messageIds.indexOf(messageId) ?? -1;
  const question = state.messages[messageId];
  if (!conversation || index < 0 || !question?.branches) return {};
  const branches = branchesOf(state, conversation.messageIds, index);
  if (chosen === (question.branch ?? branches.length - 1) || branches[chosen] === undefined) return {};
  return withBranches(state, conversationId, index, branches, chosen);
}
